using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Observability;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// At most PASSWORD_HASHING_CONCURRENCY Argon2 computations at once (two per core by default): each takes 19 MiB and a
/// core for about 15 ms, so a login flood costs bounded memory and CPU. A request that gets no slot within
/// PASSWORD_HASHING_WAIT_MS is refused with 503 and Retry-After; the wait observes the request's cancellation.
/// </summary>
internal sealed class PasswordHashingBulkhead : IPasswordHashingCapacity, IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _wait;
    private readonly TikiyaMetrics _metrics;
    private int _waiting;

    public PasswordHashingBulkhead(IOptions<PasswordHashingOptions> options, TikiyaMetrics metrics)
    {
        var settings = options.Value;
        Capacity = settings.EffectiveConcurrency;
        _slots = new SemaphoreSlim(Capacity, Capacity);
        _wait = TimeSpan.FromMilliseconds(settings.WaitMs);
        _metrics = metrics;
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

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            if (await _slots.WaitAsync(_wait, cancellationToken))
            {
                return new Slot(_slots);
            }

            _metrics.Refused(Limiters.Hashing);
            throw new ServiceOverloadedException(RetryAfter);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>Given back once, however many times it is disposed (a handler may free it early).</summary>
    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
