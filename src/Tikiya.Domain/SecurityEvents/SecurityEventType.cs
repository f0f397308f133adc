namespace Tikiya.Domain.SecurityEvents;

/// <summary>
/// What happened to an account (API.md v1.1, <c>SecurityEvent.type</c>). Each has one snake_case name, the API's and the
/// database's (<see cref="SecurityEventTypeNames"/>).
/// </summary>
public enum SecurityEventType
{
    Registered,
    LoginSucceeded,

    /// <summary>A wrong password for the account (an unknown email records nothing: there is no account).</summary>
    LoginFailed,

    /// <summary>
    /// The failed login that locked the account's logins for the throttle's lockout: one per lockout, when it begins,
    /// rather than one per refused login, which the throttle refuses before it looks the account up.
    /// </summary>
    LoginThrottled,
    PasswordChanged,
    PasswordReset,
    EmailVerified,
    EmailChanged,

    /// <summary>The second factor (TOTP) was confirmed: logins ask for a code from then on.</summary>
    MfaEnabled,

    MfaDisabled,

    /// <summary>A session ended by its user: logout, <c>DELETE users/me/sessions/{id}</c>, or logout-others (one event).</summary>
    SessionRevoked,
    RefreshTokenReused,
    LoggedOutEverywhere,

    /// <summary>A recovery code let someone past the second factor (a login, a disable, new codes).</summary>
    MfaRecoveryCodeUsed,

    /// <summary>A new set of recovery codes replaced the old one.</summary>
    MfaRecoveryCodesReplaced,
}
