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
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

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
        using var bulkhead = NewBulkhead(slots: 1);
        await HoldOnceAsync(bulkhead, TimeSpan.FromSeconds(1)); // slots come back every second: two waiters fill 2 s

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
        using var bulkhead = NewBulkhead(slots: 1);
        await HoldOnceAsync(bulkhead, TimeSpan.FromSeconds(1));

        var holder = await bulkhead.EnterAsync(CancellationToken.None);
        var first = bulkhead.EnterAsync(CancellationToken.None).AsTask();
        Assert.That(first.IsCompleted, Is.False, "one waiter ahead fills only half the wait");
        holder.Dispose();

        using var slot = await first;
        Assert.That(bulkhead.InUse, Is.EqualTo(1));
    }

    [Test]
    public async Task Enter_WithAFreeSlot_NeverRefuses_WhateverTheHoldTimes()
    {
        using var bulkhead = NewBulkhead(slots: 2);
        await HoldOnceAsync(bulkhead, TimeSpan.FromMinutes(10));

        using var first = await bulkhead.EnterAsync(CancellationToken.None);
        using var second = await bulkhead.EnterAsync(CancellationToken.None);

        Assert.That(bulkhead.InUse, Is.EqualTo(2));
    }

    [Test]
    public async Task AverageHold_FollowsTheHoldTimes()
    {
        using var bulkhead = NewBulkhead(slots: 1);
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

    private PasswordHashingBulkhead NewBulkhead(int slots) => new(
        Microsoft.Extensions.Options.Options.Create(new PasswordHashingOptions { Concurrency = slots, WaitMs = (int)Wait.TotalMilliseconds }),
        new TikiyaMetrics(_services.GetRequiredService<IMeterFactory>()),
        _time);
}
