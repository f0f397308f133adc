using Tikiya.Domain.EmailCodes;

namespace Tikiya.Domain.UnitTests.EmailCodes;

public sealed class EmailCodeTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly byte[] RightHash = [1, 2, 3];
    private static readonly byte[] WrongHash = [9, 9, 9];

    [Test]
    public void CheckCode_WithTheRightCode_IsTrueAndLeavesItUnspent()
    {
        var code = Issued();

        Assert.That(code.CheckCode(RightHash, Start), Is.True);
        Assert.That(code.IsUsable(Start), Is.True);
        Assert.That(code.FailedAttempts, Is.Zero);
    }

    [Test]
    public void CheckCode_FiveWrongCodes_SpendsItForTheRightOneToo()
    {
        var code = Issued();
        for (var attempt = 0; attempt < EmailCode.MaxFailedAttempts; attempt++)
        {
            Assert.That(code.CheckCode(WrongHash, Start), Is.False);
        }

        Assert.That(code.CheckCode(RightHash, Start), Is.False);
        Assert.That(code.IsUsable(Start), Is.False, "the link token of that mail is spent with it");
    }

    [Test]
    public void CheckCode_FourWrongCodes_StillAcceptsTheRightOne()
    {
        var code = Issued();
        for (var attempt = 0; attempt < EmailCode.MaxFailedAttempts - 1; attempt++)
        {
            code.CheckCode(WrongHash, Start);
        }

        Assert.That(code.CheckCode(RightHash, Start), Is.True);
    }

    [Test]
    public void CheckCode_AtItsExpiry_IsFalseAndCountsNothing()
    {
        var code = Issued();

        Assert.That(code.CheckCode(RightHash, Start + Lifetime), Is.False);
        Assert.That(code.CheckCode(WrongHash, Start + Lifetime), Is.False);
        Assert.That(code.FailedAttempts, Is.Zero);
    }

    [Test]
    public void MarkUsed_ThenCheckCode_IsFalse()
    {
        var code = Issued();

        code.MarkUsed(Start);

        Assert.That(code.CheckCode(RightHash, Start), Is.False);
        Assert.Throws<InvalidOperationException>(() => code.MarkUsed(Start));
    }

    [Test]
    public void Reissue_ReplacesTheCodeAndTheLinkAndStartsAgain()
    {
        var code = Issued();
        code.CheckCode(WrongHash, Start);
        code.MarkUsed(Start);

        code.Reissue("ann@example.com", [4, 5, 6], [7, 8], Start.AddMinutes(5), Lifetime);

        Assert.That(code.CheckCode(RightHash, Start.AddMinutes(5)), Is.False, "the older code no longer works");
        Assert.That(code.CheckCode([4, 5, 6], Start.AddMinutes(5)), Is.True);
        Assert.That(code.LinkTokenHash, Is.EqualTo(new byte[] { 7, 8 }));
        Assert.That(code.ExpiresAt, Is.EqualTo(Start.AddMinutes(5) + Lifetime));
    }

    private static EmailCode Issued() =>
        EmailCode.Issue(Guid.NewGuid(), EmailCodePurpose.ResetPassword, "ann@example.com", RightHash, [5], Start, Lifetime);
}
