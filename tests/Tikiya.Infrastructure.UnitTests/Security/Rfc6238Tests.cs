namespace Tikiya.Infrastructure.UnitTests.Security;

/// <summary>The tests' own TOTP (<see cref="Rfc6238"/>) against the standard, before it judges TotpSecrets.</summary>
public sealed class Rfc6238Tests
{
    [TestCaseSource(typeof(Rfc6238), nameof(Rfc6238.AppendixB))]
    public void Code_OfAppendixBVector_IsItsCode(long unixSeconds, string code)
    {
        var step = Rfc6238.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.That(Rfc6238.Code(Rfc6238.AppendixBSecret, step, digits: 8), Is.EqualTo(code));
        Assert.That(Rfc6238.Code(Rfc6238.AppendixBSecret, step), Is.EqualTo(code[2..]), "six digits: the same value mod 10^6");
    }

    [Test]
    public void DecodeBase32_OfRfc4648Vector_IsItsBytes()
    {
        Assert.That(Rfc6238.DecodeBase32("MZXW6YTBOI======"), Is.EqualTo("foobar"u8.ToArray()));
        Assert.That(Rfc6238.DecodeBase32("MZXW6YTBOI"), Is.EqualTo("foobar"u8.ToArray()));
    }
}
