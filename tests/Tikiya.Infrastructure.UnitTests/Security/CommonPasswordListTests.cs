using Tikiya.Infrastructure.Security;
using Tikiya.Testing.Builders;

namespace Tikiya.Infrastructure.UnitTests.Security;

/// <summary>The list shipped in the binary (scripts/common-passwords) and its lookup.</summary>
public sealed class CommonPasswordListTests
{
    private static readonly CommonPasswordList Shipped = new();

    [TestCase("password123")]
    [TestCase("12345678")]
    [TestCase("iloveyou")]
    [TestCase("qwerty123")]
    public void Contains_ACommonPassword_IsTrue(string password)
    {
        Assert.That(Shipped.Contains(password), Is.True);
    }

    [TestCase("Password123")]
    [TestCase("PASSWORD123")]
    public void Contains_ACommonPasswordInAnotherCase_IsTrue(string password)
    {
        Assert.That(Shipped.Contains(password), Is.True, "the source lower-cased what it counted");
    }

    [TestCase("password123 ")]
    [TestCase(" password123")]
    public void Contains_ACommonPasswordWithSpacesAround_IsTrue(string password)
    {
        Assert.That(Shipped.Contains(password), Is.True, "it guesses no harder than the listed one");
    }

    // The passwords the tests, the docs and the bench examples use must stay allowed.
    [TestCase(UserBuilder.DefaultPassword)]
    [TestCase("correct horse battery staple")]
    [TestCase("new horse battery staple")]
    [TestCase("wrong horse battery")]
    [TestCase("a brand new passphrase")]
    [TestCase("another good passphrase")]
    [TestCase("a new horse battery")]
    [TestCase("pppppppp")]
    [TestCase("        ")]
    public void Contains_APassphrase_IsFalse(string password)
    {
        Assert.That(Shipped.Contains(password), Is.False);
    }

    [Test]
    public void Shipped_HoldsTensOfThousandsOfPasswordsOfEightCharactersOrMore()
    {
        Assert.That(Shipped.Count, Is.InRange(10_000, 100_000));
        Assert.That(Shipped.Contains("1234567"), Is.False, "shorter ones are refused by the length rule first, so not shipped");
    }
}
