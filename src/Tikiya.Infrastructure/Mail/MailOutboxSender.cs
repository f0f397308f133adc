using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tikiya.Application.Accounts.MailRequests;
using Tikiya.Domain.Mail;
using Tikiya.Infrastructure.Observability;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Mail;

/// <summary>
/// Sends the outbox (ARCHITECTURE.md, Background work). Each round turns pending mail requests into mails, then
/// sends what is due: one mail per transaction, its row locked with FOR UPDATE SKIP LOCKED for the send, so any
/// number of instances share the work and never send one mail twice; a mail is marked sent in the transaction that
/// held its lock. Work is done one step at a time on one scope, so the sender holds at most one pooled connection.
/// Nothing here ends the process: a database or SMTP outage is logged and the round is tried again later.
/// </summary>
internal sealed partial class MailOutboxSender(IServiceScopeFactory scopes, IMailTransport transport, MailComposer composer,
    MailOutboxSignal signal, MailMetrics metrics, IOptions<MailOptions> options, TimeProvider time,
    ILogger<MailOutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxOutageWait = TimeSpan.FromSeconds(30);

    private readonly MailRetryPolicy _retry = MailRetryPolicy.Default;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            LogNotConfigured();
            return;
        }

        if (SmtpEndpoint.TryParse(options.Value.SmtpUrl, out var endpoint, out _)
            && (endpoint.Security == MailKit.Security.SecureSocketOptions.None || endpoint.SkipCertificateCheck))
        {
            LogUnprotectedSmtp(); // allowed (local relays, tests), but an operator must see it
        }

        await Task.Yield(); // never hold up the host's start
        var failedRounds = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
                failedRounds = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failedRounds++;
                LogRoundFailed(e.GetType().Name, e);
            }

            // After failed rounds (the database is down), wait longer each time, up to half a minute.
            var wait = failedRounds == 0 ? Poll : TimeSpan.FromSeconds(Math.Min(MaxOutageWait.TotalSeconds, Poll.TotalSeconds * failedRounds));
            try
            {
                await signal.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: requests first (they become mails), then every due mail. Exposed for the tests.</summary>
    internal async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var db = scope.ServiceProvider.GetRequiredService<TikiyaDbContext>();
        try
        {
            do
            {
                db.ChangeTracker.Clear(); // each batch reads accounts and codes afresh, not as the last one left them
            }
            while (await sender.Send(new ExpandMailRequestsCommand(), cancellationToken) > 0);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The requests stay pending for the next round; the mails already queued still go out now.
            LogExpansionFailed(e.GetType().Name, e);
        }

        db.ChangeTracker.Clear(); // sending reads its rows afresh
        while (await SendDueAsync(db, cancellationToken) == BatchSize)
        {
            // a full batch: there may be more
        }

        metrics.OldestUnsent(await db.OutboxMails.Where(OutboxMail.Pending)
            .MinAsync(m => (DateTimeOffset?)m.QueuedAt, cancellationToken));
    }

    private async Task<int> SendDueAsync(TikiyaDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.OutboxMails.AsNoTracking()
            .Where(OutboxMail.DueAt(now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        IMailConnection connection;
        try
        {
            connection = await transport.ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // SMTP is down, or did not answer by the deadline: every due mail has had its attempt, and waits its backoff.
            var failure = MailFailure.Of(e);
            LogTransportUnavailable(failure.Description, due.Count);
            foreach (var id in due)
            {
                await AttemptAsync(db, id, (_, _) => throw e, cancellationToken);
            }

            return due.Count;
        }

        await using (connection)
        {
            foreach (var id in due)
            {
                if (await AttemptAsync(db, id, connection.SendAsync, cancellationToken) is { ConnectionLost: true })
                {
                    break; // the rest stay due, and the next round connects again
                }
            }
        }

        return due.Count;
    }

    /// <summary>Locks the mail, tries it, and records the outcome before the lock is released.</summary>
    private async Task<MailFailure?> AttemptAsync(TikiyaDbContext db, Guid id,
        Func<MimeKit.MimeMessage, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mail = (await db.OutboxMails.FromSql($"""
            SELECT * FROM mail_outbox WHERE id = {id} AND sent_at IS NULL AND gave_up_at IS NULL FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken)).SingleOrDefault();
        var now = time.GetUtcNow();
        if (mail is null || !mail.IsDue(now))
        {
            return null; // another instance has it, or has just sent it
        }

        MailFailure? failure = null;
        try
        {
            await send(composer.Compose(mail, now), cancellationToken);
            mail.MarkSent(now);
            metrics.Sent();
            LogSent(mail.Id, mail.Template);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = MailFailure.Of(e);
            if (mail.RecordFailure(now, failure.Description, failure.Permanent, _retry) == MailFailureOutcome.GaveUp)
            {
                metrics.GaveUp();
                LogGaveUp(mail.Id, mail.Template, mail.FailedAttempts, failure.Description);
            }
            else
            {
                metrics.AttemptFailed();
                LogWillRetry(mail.Id, mail.Template, mail.FailedAttempts, failure.Description, mail.NextAttemptAt);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None); // sent: recorded, even if the host is stopping now
        await transaction.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return failure;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Mail is not configured (neither SMTP_URL nor MAIL_PICKUP_DIR): queued mails are kept, not sent")]
    private partial void LogNotConfigured();

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP_URL sends without TLS (disable_starttls) or trusts any "
        + "certificate (skip_ssl_verify): codes and the SMTP password cross the network unprotected; for local relays and tests only")]
    private partial void LogUnprotectedSmtp();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round of the mail sender failed ({ExceptionType}); it runs again shortly")]
    private partial void LogRoundFailed(string exceptionType, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Turning mail requests into mails failed ({ExceptionType}); they are tried again at the next round")]
    private partial void LogExpansionFailed(string exceptionType, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail transport unavailable: {Failure}; {MailCount} due mails will be retried")]
    private partial void LogTransportUnavailable(string failure, int mailCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} ({Template}) sent")]
    private partial void LogSent(Guid mailId, string template);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Mail {MailId} ({Template}) failed, attempt {Attempt}: {Failure}; next attempt at {NextAttemptAt}")]
    private partial void LogWillRetry(Guid mailId, string template, int attempt, string failure, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MailId} ({Template}) given up after {Attempts} attempts: {Failure}")]
    private partial void LogGaveUp(Guid mailId, string template, int attempts, string failure);
}
