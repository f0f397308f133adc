using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Api.IntegrationTests.Security;

public sealed class DedicatedThreadPasswordHasherTests
{
    private const string Password = "correct horse battery";

    [Test]
    public async Task HashAndVerify_RunOnTheHashingThreads_NotOnTheCallers()
    {
        var adapter = new RecordingHasher();
        using var hasher = new DedicatedThreadPasswordHasher(adapter, threads: 2);

        var hash = await hasher.HashAsync(Password, CancellationToken.None);
        var matches = await hasher.VerifyAsync(Password, hash, CancellationToken.None);

        Assert.That(matches, Is.True);
        Assert.That(adapter.ThreadNames, Has.Count.EqualTo(2).And.All.StartsWith("argon2-"));
    }

    [Test]
    public async Task Verify_WithTheRealAdapter_GivesTheAdaptersAnswers()
    {
        var libsodium = new LibsodiumPasswordHasher(Microsoft.Extensions.Options.Options.Create(new PasswordHashingOptions()));
        using var hasher = new DedicatedThreadPasswordHasher(libsodium, threads: 1);
        var hash = await hasher.HashAsync(Password, CancellationToken.None);

        Assert.That(await hasher.VerifyAsync(Password, hash, CancellationToken.None), Is.True);
        Assert.That(await hasher.VerifyAsync("wrong horse battery", hash, CancellationToken.None), Is.False);
        Assert.That(await hasher.VerifyAsync(Password, passwordHash: null, CancellationToken.None), Is.False);
    }

    [Test]
    public void Verify_ForARequestAlreadyCancelled_DoesNotHash()
    {
        var adapter = new RecordingHasher();
        using var hasher = new DedicatedThreadPasswordHasher(adapter, threads: 1);

        Assert.That(async () => await hasher.VerifyAsync(Password, "hash", new CancellationToken(canceled: true)),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(adapter.ThreadNames, Is.Empty);
    }

    [Test]
    public async Task Verify_CancelledWhileQueued_IsNotHashed()
    {
        using var gate = new ManualResetEventSlim();
        var adapter = new RecordingHasher { Gate = gate };
        using var hasher = new DedicatedThreadPasswordHasher(adapter, threads: 1);
        using var cancel = new CancellationTokenSource();
        var running = hasher.VerifyAsync(Password, "hash", CancellationToken.None).AsTask(); // holds the only thread
        var queued = hasher.VerifyAsync(Password, "hash", cancel.Token).AsTask();

        await cancel.CancelAsync();
        gate.Set();

        Assert.That(await running, Is.False);
        Assert.That(() => queued, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(adapter.ThreadNames, Has.Count.EqualTo(1));
    }

    [Test]
    public void Verify_AfterDispose_IsRefusedAsOverloaded()
    {
        var hasher = new DedicatedThreadPasswordHasher(new RecordingHasher(), threads: 1);
        hasher.Dispose();

        Assert.That(async () => await hasher.VerifyAsync(Password, "hash", CancellationToken.None),
            Throws.InstanceOf<ServiceOverloadedException>());
    }

    [Test]
    public void Verify_WhenTheAdapterThrows_PassesTheExceptionToTheCaller()
    {
        using var hasher = new DedicatedThreadPasswordHasher(new RecordingHasher { Fail = true }, threads: 1);

        Assert.That(async () => await hasher.VerifyAsync(Password, "hash", CancellationToken.None),
            Throws.InvalidOperationException);
    }

    [Test]
    public async Task Dispose_FinishesWhatWasQueued()
    {
        var adapter = new RecordingHasher();
        var hasher = new DedicatedThreadPasswordHasher(adapter, threads: 1);
        var pending = Enumerable.Range(0, 5).Select(_ => hasher.VerifyAsync(Password, "hash", CancellationToken.None).AsTask()).ToList();

        hasher.Dispose();

        Assert.That(await Task.WhenAll(pending), Is.All.False);
        Assert.That(adapter.ThreadNames, Has.Count.EqualTo(5));
    }

    /// <summary>Computes nothing; records the thread each call ran on, as an adapter computes synchronously.</summary>
    private sealed class RecordingHasher : IPasswordHasher
    {
        private readonly Lock _lock = new();
        private readonly List<string?> _threadNames = [];

        public bool Fail { get; init; }

        /// <summary>When set, each call waits for it to open before it returns.</summary>
        public ManualResetEventSlim? Gate { get; init; }

        public IReadOnlyList<string?> ThreadNames
        {
            get
            {
                lock (_lock)
                {
                    return [.. _threadNames];
                }
            }
        }

        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
        {
            Record();
            return ValueTask.FromResult("hash-of-" + password);
        }

        public ValueTask<bool> VerifyAsync(string password, string? passwordHash, CancellationToken cancellationToken)
        {
            Record();
            return ValueTask.FromResult(passwordHash == "hash-of-" + password);
        }

        public bool NeedsRehash(string passwordHash) => false;

        private void Record()
        {
            lock (_lock)
            {
                _threadNames.Add(Thread.CurrentThread.Name);
            }

            Gate?.Wait();
            if (Fail)
            {
                throw new InvalidOperationException("adapter failure");
            }
        }
    }
}
