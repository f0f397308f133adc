namespace Tikiya.Application.Mfa;

/// <summary>What a second-factor code is checked for: which state the authenticator must be in, and which codes count.</summary>
internal enum SecondFactorUse
{
    /// <summary>Enrolment's confirmation: a pending authenticator, a TOTP code only.</summary>
    Confirm,

    /// <summary>A change of the second factor (disable, new recovery codes): MFA on, a TOTP or recovery code.</summary>
    Change,

    /// <summary>A login's second step: MFA on, a TOTP or recovery code; wrong answers 401, not 400.</summary>
    Login,
}
