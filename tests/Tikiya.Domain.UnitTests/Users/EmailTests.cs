using Tikiya.Domain.Common;
using Tikiya.Domain.Users;

namespace Tikiya.Domain.UnitTests.Users;

public sealed class EmailTests
{
    [Test]
    public void Create_WithSurroundingWhitespace_TrimsButKeepsCase()
    {
        var email = Email.Create("  Ann.Lee@Example.COM\t");

        Assert.That(email.Value, Is.EqualTo("Ann.Lee@Example.COM"));
        Assert.That(email.Normalized, Is.EqualTo("ann.lee@example.com"));
    }

    [TestCase("ann@example.com")]
    [TestCase("a@b.co")]
    [TestCase("first.last+tag@sub.example.org")]
    [TestCase("o'brien@example.ie")]
    public void TryCreate_WithAnAddress_Succeeds(string value)
    {
        Assert.That(Email.TryCreate(value, out var email), Is.True);
        Assert.That(email!.Value, Is.EqualTo(value));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("ann")]
    [TestCase("ann@")]
    [TestCase("@example.com")]
    [TestCase("ann@example")]
    [TestCase("ann@.example.com")]
    [TestCase("ann@example.com.")]
    [TestCase("ann@example..com")]
    [TestCase("ann@@example.com")]
    [TestCase("ann@ex@ample.com")]
    [TestCase("ann lee@example.com")]
    [TestCase("ann\u0000@example.com")]
    [TestCase("\uFEFFann@example.com")]
    [TestCase("ann\u200B@example.com")]
    [TestCase("ann@exam\u00ADple.com")]
    public void TryCreate_WithSomethingElse_Fails(string? value)
    {
        Assert.That(Email.TryCreate(value, out var email), Is.False);
        Assert.That(email, Is.Null);
    }

    // Built at run time: attribute arguments are stored as UTF-8, which has no lone surrogates.
    [TestCase(0xD800, "ann", "@example.com")]
    [TestCase(0xDC00, "ann@example.com", "")]
    public void TryCreate_WithALoneSurrogate_Fails(int surrogate, string before, string after)
    {
        Assert.That(Email.TryCreate(before + (char)surrogate + after, out _), Is.False);
    }

    [Test]
    public void TryCreate_WithLengthLimit_AcceptsExactly254Characters()
    {
        var longest = new string('a', Email.MaxLength - "@example.com".Length) + "@example.com";

        Assert.That(Email.TryCreate(longest, out _), Is.True);
        Assert.That(Email.TryCreate("a" + longest, out _), Is.False);
    }

    [Test]
    public void Create_WithInvalidValue_ThrowsDomainException()
    {
        Assert.That(() => Email.Create("nope"), Throws.TypeOf<DomainException>());
    }

    [Test]
    public void FromStorage_WithAValueTodaysRulesRefuse_KeepsItAsStored()
    {
        const string stored = "Ann\u200B@Example.com"; // a zero-width space, which TryCreate refuses

        var email = Email.FromStorage(stored);

        Assert.That(email.Value, Is.EqualTo(stored));
        Assert.That(email.Normalized, Is.EqualTo("ann\u200B@example.com"));
    }

    [Test]
    public void FromStorage_WithAValidValue_EqualsTheEmailCreateMakes()
    {
        Assert.That(Email.FromStorage("Ann@Example.com"), Is.EqualTo(Email.Create("Ann@Example.com")));
    }

    [Test]
    public void Normalized_OfTwoSpellings_IsTheSame()
    {
        Assert.That(Email.Create("ANN@example.com").Normalized, Is.EqualTo(Email.Create("ann@EXAMPLE.com").Normalized));
    }
}
