using Tikiya.Domain.Users;

namespace Tikiya.Domain.UnitTests.Users;

public sealed class UserEmailTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void Register_IsNotVerified()
    {
        Assert.That(User.Register(Email.Create("ann@example.com"), "$argon2id$x", Start).EmailVerified, Is.False);
    }

    [Test]
    public void VerifyEmail_KeepsTheFirstProof()
    {
        var user = User.Register(Email.Create("ann@example.com"), "$argon2id$x", Start);

        user.VerifyEmail(Start.AddHours(1));
        user.VerifyEmail(Start.AddHours(2));

        Assert.That(user.EmailVerifiedAt, Is.EqualTo(Start.AddHours(1)));
    }

    [Test]
    public void ChangeEmail_SwitchesTheNormalizedFormAndVerifiesIt()
    {
        var user = User.Register(Email.Create("ann@example.com"), "$argon2id$x", Start);

        user.ChangeEmail(Email.Create("Ann@New.Example.com"), Start.AddHours(1));

        Assert.That(user.Email.Value, Is.EqualTo("Ann@New.Example.com"));
        Assert.That(user.NormalizedEmail, Is.EqualTo("ann@new.example.com"));
        Assert.That(user.EmailVerified, Is.True);
    }
}
