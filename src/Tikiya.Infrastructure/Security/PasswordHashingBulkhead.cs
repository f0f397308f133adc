using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// At most PASSWORD_HASHING_CONCURRENCY Argon2 computations at once (one per core by default): each takes 19 MiB and a
/// core for tens of milliseconds, so a login flood costs bounded memory and CPU. A request that gets no slot within
/// PASSWORD_HASHING_WAIT_MS is refused with 503 and Retry-After; the wait observes the request's cancellation.
/// </summary>
internal sealed class PasswordHashingBulkhead : IPasswordHasher, IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly IPasswordHasher _inner;
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _wait;
    private int _waiting;

    public PasswordHashingBulkhead(IPasswordHasher inner, IOptions<PasswordHashingOptions> options)
    {
        _inner = inner;
        var settings = options.Value;
        Capacity = settings.EffectiveConcurrency;
        _slots = new SemaphoreSlim(Capacity, Capacity);
        _wait = TimeSpan.FromMilliseconds(settings.WaitMs);
    }

    public int Capacity { get; }

    /// <summary>The adapter that computes the hashes (for the startup log and tests).</summary>
    public IPasswordHasher Adapter => _inner;

    /// <summary>Requests waiting for a slot now (exported as a metric).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Computations running now.</summary>
    public int InUse => Capacity - _slots.CurrentCount;

    public async ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        try
        {
            return await _inner.HashAsync(password, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask<bool> VerifyAsync(string password, string? passwordHash, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        try
        {
            return await _inner.VerifyAsync(password, passwordHash, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public bool NeedsRehash(string passwordHash) => _inner.NeedsRehash(passwordHash);

    public void Dispose() => _slots.Dispose();

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            if (!await _slots.WaitAsync(_wait, cancellationToken))
            {
                throw new ServiceOverloadedException(RetryAfter);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
