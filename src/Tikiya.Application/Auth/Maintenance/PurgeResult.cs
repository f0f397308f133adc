namespace Tikiya.Application.Auth.Maintenance;

/// <summary>How many rows a purge deleted, for the log.</summary>
public sealed record PurgeResult(int Sessions, int RefreshTokens, int LoginThrottles, int EmailCodes, int OutboxMails,
    int RequestLimits, int DeviceTokens, int SecurityEvents, int MfaChallenges, int PendingTotpEnrolments);
