using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Tikiya.Domain.Mail;
using Tikiya.Infrastructure.Observability;

namespace Tikiya.Infrastructure.Mail;

/// <summary>
/// Wakes this instance's sender when a mail or a mail request has just been committed, so mail goes out in
/// milliseconds rather than at the next poll (other instances' mails are found by polling). Counts queued mails.
/// A save inside an open transaction is noted and announced only when that transaction commits.
/// </summary>
internal sealed class MailOutboxSignal(MailMetrics metrics)
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite, // one pending wake-up is as good as many
    });

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    /// <summary>
    /// Completes when something was queued since the last call, or when <paramref name="poll"/> has elapsed on
    /// <paramref name="time"/> (the tests' clock, which they move to make a retry due).
    /// </summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        using var elapsed = new CancellationTokenSource(poll, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, elapsed.Token);
        try
        {
            await _wake.Reader.WaitToReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the poll interval elapsed
        }

        _wake.Reader.TryRead(out _);
    }

    internal void Saving(DbContext context)
    {
        var mails = 0;
        var requests = 0;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }

            mails += entry.Entity is OutboxMail ? 1 : 0;
            requests += entry.Entity is MailRequest ? 1 : 0;
        }

        if (mails + requests > 0)
        {
            var pending = _pending.GetOrCreateValue(context);
            pending.Mails += mails;
            pending.Saving = true;
        }
    }

    internal void Saved(DbContext context, bool succeeded)
    {
        if (!_pending.TryGetValue(context, out var pending) || !pending.Saving)
        {
            return;
        }

        pending.Saving = false;
        if (!succeeded)
        {
            Discard(context);
        }
        else if (context.Database.CurrentTransaction is null)
        {
            Announce(context);
        }
    }

    internal void Committed(DbContext context) => Announce(context);

    /// <summary>
    /// Drops what a pooled context noted in a unit of work that was never committed, but not what the save in progress
    /// noted: EF Core starts its own transaction around a SaveChanges after SavingChanges, and that save's mails are
    /// announced when that transaction commits.
    /// </summary>
    internal void TransactionStarted(DbContext context)
    {
        if (_pending.TryGetValue(context, out var pending) && !pending.Saving)
        {
            _pending.Remove(context);
        }
    }

    internal void Discard(DbContext context) => _pending.Remove(context);

    private void Announce(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        metrics.Queued(pending.Mails);
        _wake.Writer.TryWrite(true);
    }

    private sealed class Pending
    {
        public int Mails { get; set; }

        public bool Saving { get; set; }
    }
}
