using Microsoft.Extensions.Time.Testing;
using Tikiya.Application.Common;

namespace Tikiya.Application.UnitTests.Common;

public sealed class MicrosecondTimeProviderTests
{
    [Test]
    public void GetUtcNow_DropsSubMicrosecondTicks()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));

        var now = new MicrosecondTimeProvider(clock).GetUtcNow();

        Assert.That(now.Ticks % TimeSpan.TicksPerMicrosecond, Is.Zero);
        Assert.That(clock.GetUtcNow() - now, Is.EqualTo(TimeSpan.FromTicks(7)));
    }

    [Test]
    public void Delay_OnTheWrappedClock_FiresWhenThatClockAdvances()
    {
        var clock = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromMinutes(1), new MicrosecondTimeProvider(clock));

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(delay.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public void GetTimestamp_IsTheWrappedClocks()
    {
        var clock = new FakeTimeProvider();
        var time = new MicrosecondTimeProvider(clock);

        clock.Advance(TimeSpan.FromTicks(1));

        Assert.That((time.GetTimestamp(), time.TimestampFrequency), Is.EqualTo((clock.GetTimestamp(), clock.TimestampFrequency)));
    }
}
