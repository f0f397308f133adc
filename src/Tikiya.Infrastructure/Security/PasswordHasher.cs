using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.RateLimiting;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Observability;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// The hasher and its capacity, as one resource with one limiter. At most <see cref="Threads"/> hashes run at once,
/// each on a thread of its own: a hash keeps a core busy for tens of milliseconds, and on the thread pool a few of
/// them left no thread for everything else's database answers and HTTP requests. The rest wait in the limiter's queue,
/// oldest first, at most the wait given; the queue holds no more than the threads can serve within that wait (at the
/// pace measured at start), so a newcomer beyond it is refused at once rather than after waiting for nothing. A refusal
/// is <see cref="ServiceOverloadedException"/> (503 + Retry-After). Argon2's memory is bounded by the thread count.
/// </summary>
internal sealed class PasswordHasher : IPasswordHasher, IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private const int MaxQueue = 10_000; // a bound on memory even if a hash measured absurdly fast at start
    private const int MinQueuePerThread = 8; // a burst of a few logins per core waits its turn whatever the timing said
    private const int TimedHashes = 3;

    private readonly Argon2PasswordHasher _adapter;
    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeSpan _wait;
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread[] _threads;
    private int _disposed;

    public PasswordHasher(Argon2PasswordHasher adapter, int threads, TimeSpan wait, int queueLimit, TikiyaMetrics metrics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        _adapter = adapter;
        _wait = wait;
        QueueLimit = queueLimit;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = threads,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            QueueLimit = QueueLimit,
        });
        _threads = [.. Enumerable.Range(1, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"argon2-{i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }

        metrics.Meter.CreateObservableGauge("tikiya.password_hashing.waiting", () => Waiting, unit: "{request}",
            description: "Hashes waiting for their turn.");
        metrics.Meter.CreateObservableGauge("tikiya.password_hashing.in_use", () => InUse, unit: "{thread}",
            description: "Hashes running (at most one per hashing thread).");
    }

    /// <summary>
    /// A hasher whose queue holds what <paramref name="threads"/> can hash within <paramref name="wait"/>, at the pace
    /// of a hash timed now (at least a few per thread: those beyond what the wait serves are refused when it ends) (which also makes the adapter's dummy hash, so the first unknown-email login costs what any
    /// other does).
    /// </summary>
    public static PasswordHasher Create(Argon2PasswordHasher adapter, int threads, TimeSpan wait, TikiyaMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        adapter.VerifyPassword("warm-up", passwordHash: null);
        // The fastest of a few: a start on a busy machine must not leave a queue too short for a quiet one.
        var hashTime = Enumerable.Range(0, TimedHashes).Min(_ =>
        {
            var started = Stopwatch.GetTimestamp();
            adapter.VerifyPassword("warm-up", passwordHash: null);
            return Stopwatch.GetElapsedTime(started);
        });
        hashTime = TimeSpan.FromTicks(Math.Max(hashTime.Ticks, TimeSpan.TicksPerMillisecond));
        var queueLimit = wait == TimeSpan.Zero ? 0
            : (int)Math.Clamp(threads * (wait / hashTime), threads * MinQueuePerThread, MaxQueue);
        return new PasswordHasher(adapter, threads, wait, queueLimit, metrics);
    }

    /// <summary>The adapter that computes (PASSWORD_HASHER).</summary>
    public Argon2PasswordHasher Adapter => _adapter;

    public int Threads => _threads.Length;

    /// <summary>How many may wait beyond those running.</summary>
    public int QueueLimit { get; }

    public long Waiting => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    public long InUse => Threads - (_limiter.GetStatistics()?.CurrentAvailablePermits ?? Threads);

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) =>
        RunAsync(() => _adapter.HashPassword(password), cancellationToken);

    public ValueTask<PasswordVerification> VerifyAsync(string password, string? passwordHash, CancellationToken cancellationToken) =>
        RunAsync(() => _adapter.VerifyPassword(password, passwordHash), cancellationToken);

    /// <summary>Lets the threads finish what is running, then end (the host stops only after requests drained).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return; // registered as itself and as IPasswordHasher: the container disposes it twice
        }

        _work.CompleteAdding();
        var allEnded = _threads.All(thread => thread.Join(TimeSpan.FromSeconds(30)));
        _limiter.Dispose(); // whoever still waits is refused: a clean 503
        if (allEnded)
        {
            _work.Dispose(); // never under a thread still reading it: that would end the process
        }
    }

    private async ValueTask<T> RunAsync<T>(Func<T> compute, CancellationToken cancellationToken)
    {
        using var lease = await AcquireAsync(cancellationToken);
        // Continuations go back to the thread pool, never run on a hashing thread.
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _work.Add(() =>
            {
                try
                {
                    done.TrySetResult(compute());
                }
                catch (Exception e)
                {
                    done.TrySetException(e);
                }
            }, CancellationToken.None);
        }
        catch (InvalidOperationException) // closed, or disposed (ObjectDisposedException derives from it)
        {
            throw new ServiceOverloadedException(RetryAfter); // only a request outliving the shutdown drain
        }

        // Holding the lease until the hash ends, even if the request is gone: the thread is busy all the same.
        return await done.Task;
    }

    private async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        using var waitLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waitLimit.CancelAfter(_wait);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, waitLimit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServiceOverloadedException(RetryAfter); // no turn within the wait
        }
        catch (ObjectDisposedException)
        {
            throw new ServiceOverloadedException(RetryAfter); // shutting down
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new ServiceOverloadedException(RetryAfter); // the queue is full: refused at once, counted where answered
        }

        return lease;
    }

    private void Work()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
