using Tikiya.Domain.EmailCodes;

namespace Tikiya.Domain.UnitTests.EmailCodes;

public sealed class EmailCodeTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    [Test]
    public void Issue_IsUsableUntilItsExpiry()
    {
        var code = Issued();

        Assert.That(code.IsUsable(Start), Is.True);
        Assert.That(code.IsUsable(Start + Lifetime - TimeSpan.FromTicks(1)), Is.True);
        Assert.That(code.IsUsable(Start + Lifetime), Is.False);
    }

    [Test]
    public void UsableAt_AgreesWithIsUsable()
    {
        var usable = EmailCode.UsableAt(Start).Compile();

        Assert.That(usable(Issued()), Is.True);
        Assert.That(usable(Issued()), Is.EqualTo(Issued().IsUsable(Start)));
        Assert.That(EmailCode.UsableAt(Start + Lifetime).Compile()(Issued()), Is.False);
        Assert.That(EmailCode.SpendableAt(Start + Lifetime).Compile()(Issued()), Is.False);
    }

    [Test]
    public void Reissue_ReplacesTheCodeAndTheLinkAndStartsAgain()
    {
        var code = Issued();

        code.Reissue("ann@example.com", [4, 5, 6], [7, 8], Start.AddMinutes(5), Lifetime);

        Assert.That(code.CodeHash, Is.EqualTo(new byte[] { 4, 5, 6 }));
        Assert.That(code.LinkTokenHash, Is.EqualTo(new byte[] { 7, 8 }));
        Assert.That(code.Attempts, Is.Zero);
        Assert.That(code.UsedAt, Is.Null);
        Assert.That(code.ExpiresAt, Is.EqualTo(Start.AddMinutes(5) + Lifetime));
    }

    [Test]
    public void Reissue_WithoutALifetime_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Issued().Reissue("ann@example.com", [1], null, Start, TimeSpan.Zero));
    }

    private static EmailCode Issued() =>
        EmailCode.Issue(Guid.NewGuid(), EmailCodePurpose.ResetPassword, "ann@example.com", [1, 2, 3], [5], Start, Lifetime);
}
