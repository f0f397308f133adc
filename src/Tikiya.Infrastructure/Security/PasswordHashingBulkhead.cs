using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Observability;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// At most PASSWORD_HASHING_CONCURRENCY logins and registrations in their hashing stage at once (two per core by
/// default), so a login flood costs bounded memory, CPU and database connections. A request that gets no slot within
/// PASSWORD_HASHING_WAIT_MS is refused with 503 and Retry-After; the wait observes the request's cancellation. When the
/// requests already waiting could not all get a slot within that wait, at the pace slots have been given back lately,
/// a newcomer is refused at once instead: it would only have waited to be refused, holding memory meanwhile.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim needs disposing only once its wait handle is "
    + "used, which this one never does; disposing it at shutdown would fail the release of a request still holding a slot.")]
internal sealed class PasswordHashingBulkhead : IPasswordHashingCapacity
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private const double HoldSmoothing = 0.2; // weight of the newest hold time in the moving average

    private readonly Lock _holdLock = new();
    private readonly TimeProvider _time;
    private TimeSpan _averageHold;

    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _wait;
    private int _waiting;

    public PasswordHashingBulkhead(IOptions<PasswordHashingOptions> options, TikiyaMetrics metrics, TimeProvider time)
    {
        _time = time;
        var settings = options.Value;
        Capacity = settings.EffectiveConcurrency;
        _slots = new SemaphoreSlim(Capacity, Capacity);
        _wait = TimeSpan.FromMilliseconds(settings.WaitMs);
        metrics.Meter.CreateObservableGauge("tikiya.password_hashing.waiting", () => Waiting, unit: "{request}",
            description: "Requests waiting for a password-hashing slot.");
        metrics.Meter.CreateObservableGauge("tikiya.password_hashing.in_use", () => InUse, unit: "{slot}",
            description: "Password-hashing slots taken (at most PASSWORD_HASHING_CONCURRENCY).");
    }

    public int Capacity { get; }

    /// <summary>Requests waiting for a slot now (exported as a metric).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Slots taken now.</summary>
    public int InUse => Capacity - _slots.CurrentCount;

    /// <summary>How long a slot has been held lately (a moving average); zero before the first is given back.</summary>
    public TimeSpan AverageHold
    {
        get
        {
            lock (_holdLock)
            {
                return _averageHold;
            }
        }
    }

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var waiting = Interlocked.Increment(ref _waiting);
        try
        {
            if (!CannotBeServedInTime(waitingAhead: waiting - 1) && await _slots.WaitAsync(_wait, cancellationToken))
            {
                return new Slot(this, _time.GetTimestamp());
            }

            throw new ServiceOverloadedException(RetryAfter); // counted where it is answered, as every refusal
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    // Every slot taken, and the requests ahead would use up the wait: each slot serves one per average hold.
    private bool CannotBeServedInTime(int waitingAhead)
    {
        var hold = AverageHold;
        return _slots.CurrentCount == 0 && hold > TimeSpan.Zero && waitingAhead >= Capacity * (_wait / hold);
    }

    private void Release(long takenAt)
    {
        var held = _time.GetElapsedTime(takenAt);
        lock (_holdLock)
        {
            _averageHold = _averageHold == TimeSpan.Zero ? held : (held * HoldSmoothing) + (_averageHold * (1 - HoldSmoothing));
        }

        _slots.Release();
    }

    /// <summary>Given back once, however many times it is disposed (a handler may free it early).</summary>
    private sealed class Slot(PasswordHashingBulkhead bulkhead, long takenAt) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                bulkhead.Release(takenAt);
            }
        }
    }
}
