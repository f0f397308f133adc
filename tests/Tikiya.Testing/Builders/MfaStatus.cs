namespace Tikiya.Testing.Builders;

/// <summary>The answer of <c>GET /api/v1/users/me/mfa</c>, as a client reads it.</summary>
public sealed record MfaStatus(bool Enabled, DateTimeOffset? EnabledAt, int RecoveryCodesRemaining);
