using System.Collections.Frozen;

namespace Tikiya.Domain.SecurityEvents;

/// <summary>
/// The snake_case name of each <see cref="SecurityEventType"/>: what the API answers and what the <c>type</c> column
/// holds, so an operator's SQL uses the words a client sees. Spelled out rather than derived from the member names, so
/// that renaming a member cannot change the contract or the stored rows.
/// </summary>
public static class SecurityEventTypeNames
{
    private static readonly FrozenDictionary<SecurityEventType, string> Names = new Dictionary<SecurityEventType, string>
    {
        [SecurityEventType.Registered] = "registered",
        [SecurityEventType.LoginSucceeded] = "login_succeeded",
        [SecurityEventType.LoginFailed] = "login_failed",
        [SecurityEventType.LoginThrottled] = "login_throttled",
        [SecurityEventType.PasswordChanged] = "password_changed",
        [SecurityEventType.PasswordReset] = "password_reset",
        [SecurityEventType.EmailVerified] = "email_verified",
        [SecurityEventType.EmailChanged] = "email_changed",
        [SecurityEventType.MfaEnabled] = "mfa_enabled",
        [SecurityEventType.MfaDisabled] = "mfa_disabled",
        [SecurityEventType.SessionRevoked] = "session_revoked",
        [SecurityEventType.RefreshTokenReused] = "refresh_token_reused",
        [SecurityEventType.LoggedOutEverywhere] = "logged_out_everywhere",
        [SecurityEventType.MfaRecoveryCodeUsed] = "mfa_recovery_code_used",
        [SecurityEventType.MfaRecoveryCodesReplaced] = "mfa_recovery_codes_replaced",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, SecurityEventType> Types =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every name, in the order of the members, for the column's CHECK.</summary>
    public static IEnumerable<string> All => Enum.GetValues<SecurityEventType>().Select(Of);

    public static string Of(SecurityEventType type) =>
        Names.TryGetValue(type, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(type), type, null);

    /// <summary>The type a stored name stands for (the CHECK lets no other name in).</summary>
    public static SecurityEventType Parse(string name) =>
        Types.TryGetValue(name, out var type) ? type : throw new ArgumentOutOfRangeException(nameof(name), name, null);
}
