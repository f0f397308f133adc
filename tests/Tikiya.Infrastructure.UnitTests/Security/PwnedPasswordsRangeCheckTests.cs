using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Infrastructure.UnitTests.Security;

/// <summary>The parts of the range API's client that need no server: the hash, the URL, reading the answer.</summary>
public sealed class PwnedPasswordsRangeCheckTests
{
    [Test]
    public void Sha1Hex_IsTheUpperCaseHexOfTheUtf8Bytes()
    {
        // Have I Been Pwned's own example: "password" is range 5BAA6, suffix 1E4C9B93F3F0682250B6CF8331B7EE68FD8.
        Assert.That(PwnedPasswordsRangeCheck.Sha1Hex("password"), Is.EqualTo("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8"));
    }

    [TestCase("https://api.pwnedpasswords.com")]
    [TestCase("https://api.pwnedpasswords.com/")]
    public void RangeUri_WithOrWithoutTrailingSlash_IsUrlRangePrefix(string url)
    {
        var options = new PasswordBreachCheckOptions { Url = url };

        Assert.That(options.RangeUri("5BAA6").ToString(), Is.EqualTo("https://api.pwnedpasswords.com/range/5BAA6"));
    }

    [TestCase("0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:9545824\r\n", true)]
    [TestCase("1e4c9b93f3f0682250b6cf8331b7ee68fd8:3", true)]
    [TestCase("0018A45C4D1DEF81644B54AB7F969B88D65:1\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:0", false)] // a padding line
    [TestCase("0018A45C4D1DEF81644B54AB7F969B88D65:1", false)]
    [TestCase("", false)]
    [TestCase("not an answer", false)]
    public void Lists_ReadsSuffixCountLines(string range, bool listed)
    {
        Assert.That(PwnedPasswordsRangeCheck.Lists(range, "1E4C9B93F3F0682250B6CF8331B7EE68FD8"), Is.EqualTo(listed));
    }
}
