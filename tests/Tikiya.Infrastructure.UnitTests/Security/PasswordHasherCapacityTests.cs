using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Observability;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Infrastructure.UnitTests.Security;

/// <summary><see cref="PasswordHasher"/>: its threads, its one limiter, its queue and its refusals.</summary>
public sealed class PasswordHasherCapacityTests
{
    private const string Password = "correct horse battery";
    private static readonly TimeSpan LongWait = TimeSpan.FromMinutes(1);

    private ServiceProvider _services = null!;

    [SetUp]
    public void SetUp() => _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [TearDown]
    public void TearDown() => _services.Dispose();

    [Test]
    public async Task HashAndVerify_RunOnTheHashingThreads_NotOnTheCallers()
    {
        var adapter = new RecordingAdapter();
        using var hasher = NewHasher(adapter, threads: 2);

        var hash = await hasher.HashAsync(Password, CancellationToken.None);
        var verification = await hasher.VerifyAsync(Password, hash, CancellationToken.None);

        Assert.That(verification, Is.EqualTo(PasswordVerification.Succeeded));
        Assert.That(adapter.ThreadNames, Has.Count.EqualTo(2).And.All.StartsWith("argon2-"));
    }

    [Test]
    public async Task Verify_ManyAtOnce_NeverRunsMoreThanTheThreads()
    {
        var adapter = new RecordingAdapter { Hold = TimeSpan.FromMilliseconds(20) };
        using var hasher = NewHasher(adapter, threads: 2, queueLimit: 100);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => hasher.VerifyAsync(Password, "x", CancellationToken.None).AsTask()));

        Assert.That(adapter.MostAtOnce, Is.EqualTo(2));
        Assert.That(adapter.ThreadNames, Has.Count.EqualTo(20));
    }

    [Test]
    public void Verify_WhenTheQueueIsFull_IsRefusedAtOnce()
    {
        using var gate = new ManualResetEventSlim();
        var adapter = new RecordingAdapter { Gate = gate };
        using var hasher = NewHasher(adapter, threads: 1, queueLimit: 1);
        var running = hasher.VerifyAsync(Password, "x", CancellationToken.None).AsTask();
        var queued = hasher.VerifyAsync(Password, "x", CancellationToken.None).AsTask();

        var refused = hasher.VerifyAsync(Password, "x", CancellationToken.None).AsTask();

        Assert.That(refused.IsCompleted, Is.True, "refused without waiting");
        Assert.That(() => refused, Throws.InstanceOf<ServiceOverloadedException>()
            .With.Property(nameof(ServiceOverloadedException.RetryAfter)).EqualTo(TimeSpan.FromSeconds(1)));
        gate.Set();
        Assert.That(() => Task.WhenAll(running, queued), Throws.Nothing);
    }

    [Test]
    public void Verify_WithNoTurnWithinTheWait_IsRefusedWhenTheWaitEnds()
    {
        using var gate = new ManualResetEventSlim();
        using var hasher = NewHasher(new RecordingAdapter { Gate = gate }, threads: 1, queueLimit: 10,
            wait: TimeSpan.FromMilliseconds(200));
        var running = hasher.VerifyAsync(Password, "x", CancellationToken.None).AsTask();
        var clock = Stopwatch.StartNew();

        Assert.That(async () => await hasher.VerifyAsync(Password, "x", CancellationToken.None),
            Throws.InstanceOf<ServiceOverloadedException>());
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150)));
        gate.Set();
        Assert.That(() => running, Throws.Nothing);
    }

    [Test]
    public void Verify_ForARequestAlreadyCancelled_DoesNotHash()
    {
        var adapter = new RecordingAdapter();
        using var hasher = NewHasher(adapter, threads: 1);

        Assert.That(async () => await hasher.VerifyAsync(Password, "x", new CancellationToken(canceled: true)),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(adapter.ThreadNames, Is.Empty);
    }

    [Test]
    public async Task Verify_CancelledWhileQueued_IsNotHashed()
    {
        using var gate = new ManualResetEventSlim();
        var adapter = new RecordingAdapter { Gate = gate };
        using var hasher = NewHasher(adapter, threads: 1, queueLimit: 5);
        using var cancel = new CancellationTokenSource();
        var running = hasher.VerifyAsync(Password, "x", CancellationToken.None).AsTask(); // holds the only thread
        var queued = hasher.VerifyAsync(Password, "x", cancel.Token).AsTask();

        await cancel.CancelAsync();
        gate.Set();

        Assert.That(await running, Is.EqualTo(PasswordVerification.Failed));
        Assert.That(() => queued, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(adapter.ThreadNames, Has.Count.EqualTo(1));
    }

    [Test]
    public void Verify_AfterDispose_IsRefusedAsOverloaded()
    {
        var hasher = NewHasher(new RecordingAdapter(), threads: 1);
        hasher.Dispose();

        Assert.That(async () => await hasher.VerifyAsync(Password, "x", CancellationToken.None),
            Throws.InstanceOf<ServiceOverloadedException>());
    }

    [Test]
    public void Verify_WhenTheAdapterThrows_PassesTheExceptionToTheCaller()
    {
        using var hasher = NewHasher(new RecordingAdapter { Fail = true }, threads: 1);

        Assert.That(async () => await hasher.HashAsync(Password, CancellationToken.None), Throws.InvalidOperationException);
    }

    [Test]
    public async Task Dispose_FinishesWhatIsRunning()
    {
        var adapter = new RecordingAdapter { Hold = TimeSpan.FromMilliseconds(50) };
        var hasher = NewHasher(adapter, threads: 2);
        var running = Enumerable.Range(0, 2).Select(_ => hasher.VerifyAsync(Password, "x", CancellationToken.None).AsTask()).ToList();
        await Task.Delay(10);

        hasher.Dispose();

        Assert.That(await Task.WhenAll(running), Is.All.EqualTo(PasswordVerification.Failed));
    }

    [Test]
    public void Create_SizesTheQueueToWhatTheThreadsServeWithinTheWait()
    {
        // 50 ms or more per hash, 2 threads, 1 s: at most 40 can be served in time; never fewer than 8 per thread.
        var adapter = new RecordingAdapter { Hold = TimeSpan.FromMilliseconds(50) };

        using var hasher = PasswordHasher.Create(adapter, threads: 2, TimeSpan.FromSeconds(1), Metrics());

        Assert.That(hasher.QueueLimit, Is.InRange(16, 40));
    }

    [Test]
    public void Create_WithNoWait_QueuesNothing()
    {
        using var hasher = PasswordHasher.Create(new RecordingAdapter(), threads: 1, TimeSpan.Zero, Metrics());

        Assert.That(hasher.QueueLimit, Is.Zero);
    }

    private PasswordHasher NewHasher(Argon2PasswordHasher adapter, int threads, int queueLimit = 0, TimeSpan? wait = null) =>
        new(adapter, threads, wait ?? LongWait, queueLimit, Metrics());

    private TikiyaMetrics Metrics() => new(_services.GetRequiredService<IMeterFactory>());

    /// <summary>Computes nothing; records the thread each call ran on, as an adapter computes synchronously.</summary>
    private sealed class RecordingAdapter() : Argon2PasswordHasher(Microsoft.Extensions.Options.Options.Create(new PasswordHashingOptions()))
    {
        private readonly Lock _lock = new();
        private readonly List<string?> _threadNames = [];
        private int _running;

        public bool Fail { get; init; }

        /// <summary>When set, each call waits for it to open before it returns.</summary>
        public ManualResetEventSlim? Gate { get; init; }

        public TimeSpan Hold { get; init; }

        public int MostAtOnce { get; private set; }

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

        protected override string Hash(byte[] password)
        {
            Record();
            return "hash-of-" + Convert.ToHexString(password);
        }

        protected override bool Verify(string passwordHash, byte[] password)
        {
            Record();
            return passwordHash == "hash-of-" + Convert.ToHexString(password);
        }

        private void Record()
        {
            if (!Thread.CurrentThread.Name?.StartsWith("argon2-", StringComparison.Ordinal) ?? true)
            {
                Thread.Sleep(Hold); // the timing at Create, or the dummy hash: as slow, but not a call through the hasher
                return;
            }

            lock (_lock)
            {
                _threadNames.Add(Thread.CurrentThread.Name);
                MostAtOnce = Math.Max(MostAtOnce, ++_running);
            }

            try
            {
                Gate?.Wait();
                Thread.Sleep(Hold);
                if (Fail)
                {
                    throw new InvalidOperationException("adapter failure");
                }
            }
            finally
            {
                lock (_lock)
                {
                    _running--;
                }
            }
        }
    }
}
