namespace Tikiya.Domain.Sessions;

public enum RotationOutcome
{
    /// <summary>The presented token is spent and a new one is current.</summary>
    Rotated,

    /// <summary>The session is revoked or expired, or the token expired: nothing changed.</summary>
    Rejected,

    /// <summary>An already-rotated token came back: someone kept a copy, so the whole session is now revoked.</summary>
    ReuseDetected,
}
