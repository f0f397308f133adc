using System.Net;
using Tikiya.Domain.Sessions;

namespace Tikiya.Domain.UnitTests.Sessions;

public sealed class SessionTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);
    private static readonly DateTimeOffset Opened = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void Open_HoldsTheFirstGenerationAndExpiresWithIt()
    {
        var id = Session.NewId(Opened);

        var session = Session.Open(id, Guid.NewGuid(), Hash(1), Opened, Lifetime, MaxLifetime, "tests", IPAddress.Loopback);

        Assert.That(session.Id, Is.EqualTo(id));
        Assert.That(session.RefreshGeneration, Is.EqualTo(Session.FirstGeneration));
        Assert.That(session.RefreshTokenHash, Is.EqualTo(Hash(1)));
        Assert.That(session.ExpiresAt, Is.EqualTo(Opened + Lifetime));
        Assert.That(session.IsActive(Opened, MaxLifetime), Is.True);
    }

    [TestCase(0, false, true)]
    [TestCase(30, false, false)] // the last instant: expired
    [TestCase(1, true, false)]
    public void ActiveAtAndEndedAt_AsQueries_AgreeWithIsActive(int daysLater, bool revoked, bool active)
    {
        var session = Session.Open(Guid.NewGuid(), Guid.NewGuid(), Hash(1), Opened, Lifetime, MaxLifetime, null, null);
        if (revoked)
        {
            session.Revoke(Opened);
        }

        var now = Opened.AddDays(daysLater);

        Assert.That(session.IsActive(now, MaxLifetime), Is.EqualTo(active));
        Assert.That(Session.ActiveAt(now, MaxLifetime).Compile()(session), Is.EqualTo(active));
        Assert.That(Session.EndedAt(now).Compile()(session), Is.EqualTo(!active));
    }

    [Test]
    public void Open_WithMaxLifetimeShorterThanTheRefreshToken_ExpiresAtTheAbsoluteEnd()
    {
        var session = Session.Open(Guid.NewGuid(), Guid.NewGuid(), Hash(1), Opened, Lifetime, TimeSpan.FromDays(7), null, null);

        Assert.That(session.ExpiresAt, Is.EqualTo(Opened.AddDays(7)));
    }

    [Test]
    public void RefreshTokenExpiry_EarlyInTheSession_IsAFullRefreshTokenLifetime()
    {
        var session = Open();

        var expiry = session.RefreshTokenExpiry(Opened.AddDays(10), Lifetime, MaxLifetime);

        Assert.That(expiry, Is.EqualTo(Opened.AddDays(40)));
    }

    [Test]
    public void RefreshTokenExpiry_NearTheAbsoluteEnd_IsCutThere()
    {
        var session = Open();

        var expiry = session.RefreshTokenExpiry(Opened.AddDays(80), Lifetime, MaxLifetime);

        Assert.That(expiry, Is.EqualTo(Opened + MaxLifetime));
    }

    [TestCase(89, true)]
    [TestCase(90, false)] // the absolute end itself: ended, however recent the last refresh
    public void IsActive_AroundTheAbsoluteEnd_EndsAtIt(int daysLater, bool active)
    {
        // A session whose refresh token outlives its absolute end: one opened before there was one.
        var session = Session.Open(Guid.NewGuid(), Guid.NewGuid(), Hash(1), Opened, TimeSpan.FromDays(365), TimeSpan.FromDays(365),
            null, null);
        var now = Opened.AddDays(daysLater);

        Assert.That(session.IsActive(now, MaxLifetime), Is.EqualTo(active));
        Assert.That(Session.ActiveAt(now, MaxLifetime).Compile()(session), Is.EqualTo(active));
    }

    [Test]
    public void EndsAt_IsTheEarlierOfTheTokensExpiryAndTheAbsoluteEnd()
    {
        var session = Open(); // its token expires after 30 days

        Assert.That(session.EndsAt(MaxLifetime), Is.EqualTo(Opened + Lifetime));
        Assert.That(session.EndsAt(TimeSpan.FromDays(3)), Is.EqualTo(Opened.AddDays(3)), "after SESSION_MAX_LIFETIME_SECS was lowered");
    }

    [Test]
    public void LastUsedAt_OfASessionNeverRefreshed_IsItsLogin()
    {
        var session = Open();

        Assert.That(session.LastUsedAt, Is.EqualTo(Opened));
    }

    [TestCase("  Ann's phone ", "Ann's phone")]
    [TestCase("   ", null)]
    [TestCase(null, null)]
    public void Open_WithDeviceName_KeepsItTrimmed(string? deviceName, string? kept)
    {
        var session = Session.Open(Guid.NewGuid(), Guid.NewGuid(), Hash(1), Opened, Lifetime, MaxLifetime, null, null, deviceName);

        Assert.That(session.DeviceName, Is.EqualTo(kept));
    }

    [Test]
    public void LastUse_OfASessionNeverRefreshed_IsItsLastUsedAt()
    {
        var session = Session.Open(Guid.NewGuid(), Guid.NewGuid(), Hash(1), Opened, Lifetime, MaxLifetime, null, null);

        Assert.That(Session.LastUse.Compile()(session), Is.EqualTo(session.LastUsedAt).And.EqualTo(Opened));
    }

    [Test]
    public void Policy_WithoutPositiveMaxLifetime_Throws()
    {
        Assert.That(() => new SessionPolicy(TimeSpan.Zero, 100), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Policy_WithoutPositiveMaxPerUser_Throws(int maxPerUser)
    {
        Assert.That(() => new SessionPolicy(MaxLifetime, maxPerUser), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Open_WithOverlongUserAgent_KeepsItsStart()
    {
        var session = Session.Open(Guid.NewGuid(), Guid.NewGuid(), Hash(1), Opened, Lifetime, MaxLifetime, new string('u', 600), IPAddress.Loopback);

        Assert.That(session.UserAgent, Has.Length.EqualTo(Session.MaxUserAgentLength));
    }

    [Test]
    public void Open_WithUserAgentCutInsideAnEmoji_DropsTheHalfCharacter()
    {
        var userAgent = new string('a', Session.MaxUserAgentLength - 1) + "😀😀";

        var session = Session.Open(Guid.NewGuid(), Guid.NewGuid(), Hash(1), Opened, Lifetime, MaxLifetime, userAgent, IPAddress.Loopback);

        Assert.That(session.UserAgent, Is.EqualTo(new string('a', Session.MaxUserAgentLength - 1)));
    }

    [Test]
    public void ReusedBy_AnEarlierGeneration_IsReuse()
    {
        var session = Open(); // at the first generation

        var reused = Session.ReusedBy(session.Id, Session.LegacyGeneration).Compile()(session);

        Assert.That(reused, Is.True, "a token the session has moved past (here, a v1 token after the move)");
    }

    [Test]
    public void ReusedBy_TheCurrentGeneration_IsNotReuse()
    {
        var session = Open();

        var reused = Session.ReusedBy(session.Id, Session.FirstGeneration).Compile()(session);

        Assert.That(reused, Is.False);
    }

    [Test]
    public void ReusedBy_ATokenOfAnotherSession_IsNotReuse()
    {
        var session = Open();

        var reused = Session.ReusedBy(Guid.NewGuid(), Session.LegacyGeneration).Compile()(session);

        Assert.That(reused, Is.False);
    }

    // In memory the hashes compare as references (the database compares bytes), hence the one array in the first case.
    [TestCase(Session.FirstGeneration, true, true)]
    [TestCase(Session.FirstGeneration, false, false)] // the current generation with a wrong hash names nothing
    [TestCase(Session.LegacyGeneration, false, true)] // a generation it moved past: still its session, as in v1
    [TestCase(Session.FirstGeneration + 1, true, false)]
    public void OfRefreshToken_AgreesWithTheGenerationAndHash(long generation, bool sameHash, bool matches)
    {
        var hash = Hash(1);
        var session = Session.Open(Guid.NewGuid(), Guid.NewGuid(), hash, Opened, Lifetime, MaxLifetime, null, null);

        var found = Session.OfRefreshToken(session.Id, generation, sameHash ? hash : Hash(2)).Compile()(session);

        Assert.That(found, Is.EqualTo(matches));
    }

    [Test]
    public void OfRefreshToken_OfAnotherSession_MatchesNothing()
    {
        var hash = Hash(1);
        var session = Session.Open(Guid.NewGuid(), Guid.NewGuid(), hash, Opened, Lifetime, MaxLifetime, null, null);

        var found = Session.OfRefreshToken(Guid.NewGuid(), Session.FirstGeneration, hash).Compile()(session);

        Assert.That(found, Is.False);
    }

    [Test]
    public void Revoke_Twice_KeepsTheFirstTime()
    {
        var session = Open();
        session.Revoke(Opened.AddMinutes(1));

        session.Revoke(Opened.AddMinutes(5));

        Assert.That(session.RevokedAt, Is.EqualTo(Opened.AddMinutes(1)));
    }

    private static Session Open() => Session.Open(Guid.NewGuid(), Guid.NewGuid(), Hash(1), Opened, Lifetime, MaxLifetime, "tests", IPAddress.Loopback);

    private static byte[] Hash(byte seed) => Enumerable.Repeat(seed, 32).ToArray();
}
