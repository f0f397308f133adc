using Microsoft.Extensions.Time.Testing;
using Tikiya.Application.Common;

namespace Tikiya.Application.UnitTests.Common;

public sealed class TimeProviderExtensionsTests
{
    [Test]
    public void GetUtcNowForStorage_DropsSubMicrosecondTicks()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));

        var now = clock.GetUtcNowForStorage();

        Assert.That(now.Ticks % TimeSpan.TicksPerMicrosecond, Is.Zero);
        Assert.That(clock.GetUtcNow() - now, Is.EqualTo(TimeSpan.FromTicks(7)));
    }
}
