using Tikiya.Domain.Devices;

namespace Tikiya.Domain.UnitTests.Devices;

public sealed class DeviceTokenTests
{
    private static readonly DateTimeOffset Issued = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Issue_LastsOneYearFromThen()
    {
        var device = DeviceToken.Issue(Guid.NewGuid(), new byte[32], Issued);

        Assert.That(device.ExpiresAt, Is.EqualTo(Issued.AddDays(365)));
        Assert.That(device.LastUsedAt, Is.EqualTo(Issued));
    }

    [Test]
    public void IsValidAt_UntilItsExpiry_ThenNot()
    {
        var device = DeviceToken.Issue(Guid.NewGuid(), new byte[32], Issued);

        Assert.That(device.IsValidAt(device.ExpiresAt.AddTicks(-1)), Is.True);
        Assert.That(device.IsValidAt(device.ExpiresAt), Is.False);
    }

    [Test]
    public void ExpiredAt_MatchesWhatIsNoLongerValid()
    {
        var device = DeviceToken.Issue(Guid.NewGuid(), new byte[32], Issued);
        var expired = DeviceToken.ExpiredAt(device.ExpiresAt).Compile();

        Assert.That(expired(device), Is.True);
        Assert.That(DeviceToken.ExpiredAt(device.ExpiresAt.AddTicks(-1)).Compile()(device), Is.False);
    }

    [Test]
    public void ExpiryAfterUse_StartsTheLifetimeAgain()
    {
        Assert.That(DeviceToken.ExpiryAfterUse(Issued.AddDays(300)), Is.EqualTo(Issued.AddDays(300 + 365)));
    }

    [Test]
    public void ThrottleKey_IsOfTheDevice_AndNeverAnEmailFingerprint()
    {
        var device = DeviceToken.Issue(Guid.NewGuid(), new byte[32], Issued);

        Assert.That(device.ThrottleKey, Is.EqualTo(DeviceToken.ThrottleKeyOf(device.Id)));
        Assert.That(device.ThrottleKey, Does.Not.Match("^[0-9a-f]{64}$").And.Length.LessThanOrEqualTo(64));
        Assert.That(DeviceToken.Issue(device.UserId, new byte[32], Issued).ThrottleKey, Is.Not.EqualTo(device.ThrottleKey));
    }
}
