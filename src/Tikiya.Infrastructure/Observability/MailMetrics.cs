using System.Diagnostics.Metrics;

namespace Tikiya.Infrastructure.Observability;

/// <summary>
/// The outbox as an operator watches it (docs/operations.md): mails queued, sent and given up, failed attempts, and
/// the age of the oldest unsent mail, which grows while SMTP is down and is the one to alert on.
/// </summary>
internal sealed class MailMetrics
{
    private readonly Counter<long> _queued;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _attemptsFailed;
    private readonly Counter<long> _gaveUp;
    private readonly TimeProvider _time;
    private DateTimeOffset? _oldestUnsent;
    private readonly Lock _lock = new();

    public MailMetrics(TikiyaMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _time = time;
        var meter = metrics.Meter;
        _queued = meter.CreateCounter<long>("tikiya.mail.queued", unit: "{mail}", description: "Mails queued in the outbox.");
        _sent = meter.CreateCounter<long>("tikiya.mail.sent", unit: "{mail}", description: "Mails handed to SMTP (or the pickup folder).");
        _attemptsFailed = meter.CreateCounter<long>("tikiya.mail.attempts_failed", unit: "{attempt}",
            description: "Send attempts that failed and will be retried.");
        _gaveUp = meter.CreateCounter<long>("tikiya.mail.failed", unit: "{mail}",
            description: "Mails given up: refused for good, or not sent within the retry span (24 hours).");
        meter.CreateObservableGauge("tikiya.mail.outbox.oldest_unsent_age", OldestUnsentAgeSeconds, unit: "s",
            description: "Age of the oldest mail not sent yet; 0 when the outbox is empty (as last seen by this instance's sender).");
    }

    public void Queued(int count)
    {
        if (count > 0)
        {
            _queued.Add(count);
        }
    }

    public void Sent() => _sent.Add(1);

    public void AttemptFailed() => _attemptsFailed.Add(1);

    public void GaveUp() => _gaveUp.Add(1);

    public void OldestUnsent(DateTimeOffset? queuedAt)
    {
        lock (_lock)
        {
            _oldestUnsent = queuedAt;
        }
    }

    private double OldestUnsentAgeSeconds()
    {
        lock (_lock)
        {
            return _oldestUnsent is { } queuedAt ? Math.Max(0, (_time.GetUtcNow() - queuedAt).TotalSeconds) : 0;
        }
    }
}
