namespace Tikiya.Domain.Throttling;

/// <summary>After <paramref name="MaxFailures"/> failed logins in a row, an email waits <paramref name="Lockout"/>.</summary>
public sealed record ThrottlePolicy(int MaxFailures, TimeSpan Lockout)
{
    public int MaxFailures { get; } = MaxFailures > 0
        ? MaxFailures : throw new ArgumentOutOfRangeException(nameof(MaxFailures), "At least one failure.");

    public TimeSpan Lockout { get; } = Lockout > TimeSpan.Zero
        ? Lockout : throw new ArgumentOutOfRangeException(nameof(Lockout), "A positive duration.");
}
