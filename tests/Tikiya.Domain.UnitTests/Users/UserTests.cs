using Tikiya.Domain.Users;

namespace Tikiya.Domain.UnitTests.Users;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Test]
    public void Register_SetsEveryField()
    {
        var user = User.Register(Email.Create("Ann@Example.com"), "$argon2id$hash", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(user.Email.Value, Is.EqualTo("Ann@Example.com"));
            Assert.That(user.NormalizedEmail, Is.EqualTo("ann@example.com"));
            Assert.That(user.PasswordHash, Is.EqualTo("$argon2id$hash"));
            Assert.That(user.CreatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Register_GivesTimeOrderedIds()
    {
        var first = User.Register(Email.Create("a@example.com"), "hash", Now);
        var second = User.Register(Email.Create("b@example.com"), "hash", Now.AddMilliseconds(1));

        Assert.That(first.Id.Version, Is.EqualTo(7));
        Assert.That(first.Id.CompareTo(second.Id), Is.Negative);
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Register_WithoutPasswordHash_Throws(string hash)
    {
        Assert.That(() => User.Register(Email.Create("a@example.com"), hash, Now), Throws.ArgumentException);
    }
}
