using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tikiya.Application.Auth.Maintenance;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Maintenance;

/// <summary>
/// Every PURGE_INTERVAL_SECS, deletes expired sessions, refresh tokens, throttle rows, device tokens, security events, MFA
/// challenges and abandoned TOTP enrolments, so tables stay bounded; then re-encrypts under JWT_SECRET the TOTP secrets
/// still under JWT_SECRET_PREVIOUS, so a rotation of the key ends without waiting for each account to sign in.
/// Every instance runs it; the deletes and the re-encryptions are idempotent. A failed run is logged and the next one tries again: the
/// job must never stop the API.
/// </summary>
internal sealed partial class PurgeBackgroundService(IServiceScopeFactory scopes, IOptions<MaintenanceOptions> options,
    TimeProvider time, ILogger<PurgeBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PurgeIntervalSecs), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                var purged = await sender.Send(new PurgeExpiredCommand(), stoppingToken);
                LogPurged(purged.Sessions, purged.RefreshTokens, purged.LoginThrottles, purged.EmailCodes, purged.OutboxMails,
                    purged.RequestLimits, purged.DeviceTokens, purged.SecurityEvents, purged.MfaChallenges,
                    purged.PendingTotpEnrolments);
                var moved = await sender.Send(new ReencryptTotpSecretsCommand(), stoppingToken);
                if (moved.Reencrypted > 0 || moved.Unreadable > 0)
                {
                    LogReencrypted(moved.Reencrypted, moved.Unreadable);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPurgeFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Purged {Sessions} sessions, {RefreshTokens} refresh tokens, {LoginThrottles} login throttles, "
            + "{EmailCodes} email codes, {OutboxMails} sent mails, {RequestLimits} request limits, {DeviceTokens} device tokens, "
            + "{SecurityEvents} security events, {MfaChallenges} MFA challenges and {PendingTotpEnrolments} unconfirmed TOTP enrolments")]
    private partial void LogPurged(int sessions, int refreshTokens, int loginThrottles, int emailCodes, int outboxMails,
        int requestLimits, int deviceTokens, int securityEvents, int mfaChallenges, int pendingTotpEnrolments);

    // Unreadable ones are said on every run until they go: their owners need a recovery code to sign in.
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Re-encrypted {Count} TOTP secrets under the current key; {Unreadable} cannot be read with the current or previous key")]
    private partial void LogReencrypted(int count, int unreadable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The purge of expired rows failed; it runs again at the next interval")]
    private partial void LogPurgeFailed(Exception exception);
}
