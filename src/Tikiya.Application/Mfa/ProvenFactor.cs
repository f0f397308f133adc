namespace Tikiya.Application.Mfa;

/// <summary>How the second factor was proved: the authenticator's code, or one of the recovery codes (now used).</summary>
internal enum ProvenFactor
{
    Totp,
    RecoveryCode,
}
