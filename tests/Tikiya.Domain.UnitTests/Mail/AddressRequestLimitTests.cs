using Tikiya.Domain.Mail;

namespace Tikiya.Domain.UnitTests.Mail;

public sealed class AddressRequestLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void TryRecord_TwiceWithinAMinute_RefusesTheSecondUntilTheMinuteEnds()
    {
        var limit = new AddressRequestLimit("1:abc");

        Assert.That(limit.TryRecord(Start), Is.Null);

        Assert.That(limit.TryRecord(Start.AddSeconds(20)), Is.EqualTo(TimeSpan.FromSeconds(40)));
        Assert.That(limit.TryRecord(Start.AddMinutes(1)), Is.Null);
    }

    [Test]
    public void TryRecord_SixthWithinAnHour_IsRefusedUntilTheFirstIsAnHourOld()
    {
        var limit = new AddressRequestLimit("1:abc");
        for (var minute = 0; minute < AddressRequestLimit.PerHour; minute++)
        {
            Assert.That(limit.TryRecord(Start.AddMinutes(minute * 2)), Is.Null);
        }

        var refused = limit.TryRecord(Start.AddMinutes(20));

        Assert.That(refused, Is.EqualTo(TimeSpan.FromMinutes(40)));
        Assert.That(limit.TryRecord(Start.AddMinutes(60)), Is.Null);
    }

    [Test]
    public void TryRecord_Refused_DoesNotPushTheWaitFurther()
    {
        var limit = new AddressRequestLimit("1:abc");
        limit.TryRecord(Start);

        limit.TryRecord(Start.AddSeconds(30));
        limit.TryRecord(Start.AddSeconds(50));

        Assert.That(limit.TryRecord(Start.AddSeconds(60)), Is.Null);
        Assert.That(limit.LastRequestAt, Is.EqualTo(Start.AddSeconds(60)));
    }
}
