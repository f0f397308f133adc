using System.Net;
using Tikiya.Domain.Sessions;

namespace Tikiya.Domain.UnitTests.Sessions;

public sealed class SessionTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    private static readonly DateTimeOffset Opened = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void Open_CreatesOneCurrentTokenAndExpiresWithIt()
    {
        var session = Open();

        Assert.That(session.Tokens, Has.Count.EqualTo(1));
        Assert.That(session.Tokens.Single().WasRotated, Is.False);
        Assert.That(session.ExpiresAt, Is.EqualTo(Opened + Lifetime));
        Assert.That(session.IsActive(Opened), Is.True);
    }

    [TestCase(0, false, true)]
    [TestCase(30, false, false)] // the last instant: expired
    [TestCase(1, true, false)]
    public void ActiveAtAndEndedAt_AsQueries_AgreeWithIsActive(int daysLater, bool revoked, bool active)
    {
        var session = Session.Open(Guid.NewGuid(), Hash(1), Opened, Lifetime, null, null);
        if (revoked)
        {
            session.Revoke(Opened);
        }

        var now = Opened.AddDays(daysLater);

        Assert.That(session.IsActive(now), Is.EqualTo(active));
        Assert.That(Session.ActiveAt(now).Compile()(session), Is.EqualTo(active));
        Assert.That(Session.EndedAt(now).Compile()(session), Is.EqualTo(!active));
    }

    [Test]
    public void Open_WithOverlongUserAgent_KeepsItsStart()
    {
        var session = Session.Open(Guid.NewGuid(), Hash(1), Opened, Lifetime, new string('u', 600), IPAddress.Loopback);

        Assert.That(session.UserAgent, Has.Length.EqualTo(Session.MaxUserAgentLength));
    }

    [Test]
    public void Open_WithUserAgentCutInsideAnEmoji_DropsTheHalfCharacter()
    {
        var userAgent = new string('a', Session.MaxUserAgentLength - 1) + "😀😀";

        var session = Session.Open(Guid.NewGuid(), Hash(1), Opened, Lifetime, userAgent, IPAddress.Loopback);

        Assert.That(session.UserAgent, Is.EqualTo(new string('a', Session.MaxUserAgentLength - 1)));
    }

    [Test]
    public void Rotate_WithCurrentToken_SpendsItAndExtendsTheSession()
    {
        var session = Open();
        var current = session.Tokens.Single();
        var later = Opened.AddDays(10);

        var outcome = session.Rotate(current, Hash(2), later, Lifetime);

        Assert.That(outcome, Is.EqualTo(RotationOutcome.Rotated));
        Assert.That(current.RotatedAt, Is.EqualTo(later));
        Assert.That(session.Tokens.Count(t => !t.WasRotated), Is.EqualTo(1));
        Assert.That(session.ExpiresAt, Is.EqualTo(later + Lifetime));
        Assert.That(session.LastRotatedAt, Is.EqualTo(later));
    }

    [Test]
    public void Rotate_WithRotatedToken_RevokesSession()
    {
        var session = Open();
        var first = session.Tokens.Single();
        session.Rotate(first, Hash(2), Opened.AddMinutes(1), Lifetime);

        var outcome = session.Rotate(first, Hash(3), Opened.AddMinutes(2), Lifetime);

        Assert.That(outcome, Is.EqualTo(RotationOutcome.ReuseDetected));
        Assert.That(session.RevokedAt, Is.EqualTo(Opened.AddMinutes(2)));
        Assert.That(session.IsActive(Opened.AddMinutes(2)), Is.False);
        Assert.That(session.Tokens, Has.Count.EqualTo(2), "no token was added");
    }

    [Test]
    public void Rotate_OnRevokedSession_IsRejected()
    {
        var session = Open();
        session.Revoke(Opened.AddMinutes(1));

        var outcome = session.Rotate(session.Tokens.Single(), Hash(2), Opened.AddMinutes(2), Lifetime);

        Assert.That(outcome, Is.EqualTo(RotationOutcome.Rejected));
        Assert.That(session.Tokens.Single().WasRotated, Is.False);
    }

    [Test]
    public void Rotate_AfterExpiry_IsRejected()
    {
        var session = Open();

        var outcome = session.Rotate(session.Tokens.Single(), Hash(2), Opened + Lifetime, Lifetime);

        Assert.That(outcome, Is.EqualTo(RotationOutcome.Rejected));
    }

    [Test]
    public void Rotate_WithTokenOfAnotherSession_Throws()
    {
        var session = Open();
        var other = Open();

        Assert.That(() => session.Rotate(other.Tokens.Single(), Hash(2), Opened, Lifetime), Throws.ArgumentException);
    }

    [Test]
    public void Revoke_Twice_KeepsTheFirstTime()
    {
        var session = Open();
        session.Revoke(Opened.AddMinutes(1));

        session.Revoke(Opened.AddMinutes(5));

        Assert.That(session.RevokedAt, Is.EqualTo(Opened.AddMinutes(1)));
    }

    private static Session Open() => Session.Open(Guid.NewGuid(), Hash(1), Opened, Lifetime, "tests", IPAddress.Loopback);

    private static byte[] Hash(byte seed) => Enumerable.Repeat(seed, 32).ToArray();
}
