namespace Tikiya.Application.Mfa.GetMfaStatus;

/// <summary>The caller's second factor: on since when (null: off), and the unused recovery codes left.</summary>
public sealed record MfaStatusResponse(bool Enabled, DateTimeOffset? EnabledAt, int RecoveryCodesRemaining);
