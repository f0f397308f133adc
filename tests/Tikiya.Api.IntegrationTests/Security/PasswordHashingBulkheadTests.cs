using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tikiya.Application.Common.Errors;
using Tikiya.Infrastructure.Observability;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Api.IntegrationTests.Security;

public sealed class PasswordHashingBulkheadTests
{
    // The longest allowed, so the semaphore's real-time wait never ends during a test: only the fake clock's holds count.
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan HalfTheWait = Wait / 2;

    private ServiceProvider _services = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _time = new FakeTimeProvider();
    }

    [TearDown]
    public void TearDown() => _services.Dispose();

    [Test]
    public async Task Enter_WhenTheWaitingAheadCouldNotBeServedWithinTheWait_IsRefusedAtOnce()
    {
        var bulkhead = NewBulkhead(slots: 1);
        await HoldOnceAsync(bulkhead, HalfTheWait); // two waiters ahead fill the whole wait

        using var holder = await bulkhead.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiters = new[] { bulkhead.EnterAsync(cancel.Token).AsTask(), bulkhead.EnterAsync(cancel.Token).AsTask() };
        var refused = bulkhead.EnterAsync(CancellationToken.None).AsTask();

        Assert.That(refused.IsCompleted, Is.True, "refused without waiting");
        Assert.ThrowsAsync<ServiceOverloadedException>(() => refused);
        Assert.That(waiters.Select(w => w.IsCompleted), Is.All.False, "the two ahead still wait");
        await cancel.CancelAsync();
        Assert.That(() => Task.WhenAll(waiters), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Enter_WhenTheWaitingAheadCanBeServedWithinTheWait_Waits()
    {
        var bulkhead = NewBulkhead(slots: 1);
        await HoldOnceAsync(bulkhead, HalfTheWait);

        var holder = await bulkhead.EnterAsync(CancellationToken.None);
        var ahead = bulkhead.EnterAsync(CancellationToken.None).AsTask();
        var second = bulkhead.EnterAsync(CancellationToken.None).AsTask(); // one waiter ahead fills half the wait
        Assert.That(second.IsCompleted, Is.False, "waits rather than being refused");
        holder.Dispose();
        (await ahead).Dispose();

        using var slot = await second;
        Assert.That(bulkhead.InUse, Is.EqualTo(1));
    }

    [Test]
    public async Task Enter_WithAFreeSlot_NeverRefusesWhateverTheHoldTimes()
    {
        var bulkhead = NewBulkhead(slots: 2, wait: TimeSpan.Zero); // no wait at all: any queue would be too long
        await HoldOnceAsync(bulkhead, TimeSpan.FromMinutes(10));

        using var first = await bulkhead.EnterAsync(CancellationToken.None);
        using var second = await bulkhead.EnterAsync(CancellationToken.None);

        Assert.That(bulkhead.InUse, Is.EqualTo(2));
    }

    [Test]
    public async Task AverageHold_AfterTwoHolds_LiesBetweenThem()
    {
        var bulkhead = NewBulkhead(slots: 1);
        await HoldOnceAsync(bulkhead, TimeSpan.FromMilliseconds(100));
        await HoldOnceAsync(bulkhead, TimeSpan.FromMilliseconds(200));

        Assert.That(bulkhead.AverageHold, Is.GreaterThan(TimeSpan.FromMilliseconds(100)).And.LessThan(TimeSpan.FromMilliseconds(200)));
    }

    private async Task HoldOnceAsync(PasswordHashingBulkhead bulkhead, TimeSpan hold)
    {
        using (await bulkhead.EnterAsync(CancellationToken.None))
        {
            _time.Advance(hold);
        }
    }

    private PasswordHashingBulkhead NewBulkhead(int slots, TimeSpan? wait = null) => new(
        Microsoft.Extensions.Options.Options.Create(
            new PasswordHashingOptions { Concurrency = slots, WaitMs = (int)(wait ?? Wait).TotalMilliseconds }),
        new TikiyaMetrics(_services.GetRequiredService<IMeterFactory>()),
        _time);
}
