using System.Collections.Concurrent;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Runs the Argon2 adapter on threads of its own, one per core (fewer if the bulkhead has fewer slots). A hash keeps a
/// core busy for about 15 ms; on the thread pool, a few of them at once left no thread for the database answers and
/// HTTP requests of everything else, the pool grew slowly, and the cores idled in between (bench/run saturation).
/// Here the pool stays free, at most one hash runs per core, and Argon2's memory is bounded by the thread count.
/// The queue in front of the threads needs no bound of its own: only requests holding a bulkhead slot reach it.
/// </summary>
internal sealed class DedicatedThreadPasswordHasher : IPasswordHasher, IDisposable
{
    private readonly IPasswordHasher _adapter;
    private readonly BlockingCollection<Action> _queue = [];
    private readonly Thread[] _threads;

    public DedicatedThreadPasswordHasher(IPasswordHasher adapter, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _adapter = adapter;
        _threads = [.. Enumerable.Range(1, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"argon2-{i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>The adapter that computes (PASSWORD_HASHER).</summary>
    public IPasswordHasher Adapter => _adapter;

    public int Threads => _threads.Length;

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) =>
        RunAsync(() => _adapter.HashAsync(password, cancellationToken), cancellationToken);

    public ValueTask<bool> VerifyAsync(string password, string? passwordHash, CancellationToken cancellationToken) =>
        RunAsync(() => _adapter.VerifyAsync(password, passwordHash, cancellationToken), cancellationToken);

    public bool NeedsRehash(string passwordHash) => _adapter.NeedsRehash(passwordHash);

    /// <summary>Lets the threads finish what is queued, then end (the host stops only after requests drained).</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        var allEnded = _threads.All(thread => thread.Join(TimeSpan.FromSeconds(30)));
        if (allEnded)
        {
            _queue.Dispose(); // never under a thread still reading it: that would end the process
        }
    }

    private ValueTask<T> RunAsync<T>(Func<ValueTask<T>> compute, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Continuations go back to the thread pool, never run on a hashing thread.
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);

        void ComputeOnHashingThread()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellationToken); // its request is gone: no hash for nobody
                return;
            }

            try
            {
                // The adapters compute synchronously and return a completed ValueTask.
                done.TrySetResult(compute().AsTask().GetAwaiter().GetResult());
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }

        try
        {
            _queue.Add(ComputeOnHashingThread, cancellationToken);
        }
        catch (InvalidOperationException) // closed, or disposed (ObjectDisposedException derives from it)
        {
            // Only a request outliving the shutdown drain finds the queue closed: a clean 503, not a 500.
            throw new ServiceOverloadedException(TimeSpan.FromSeconds(1));
        }

        return new ValueTask<T>(done.Task);
    }

    private void Work()
    {
        foreach (var work in _queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
