using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.UnitTests.Configuration;

/// <summary>PASSWORD_BREACH_CHECK_URL in the start-up log: a mirror's credentials masked, the rest shown.</summary>
public sealed class BreachCheckUrlTests
{
    [Test]
    public void UrlWithoutCredentials_MasksTheUserAndPassword()
    {
        var logged = new PasswordBreachCheckOptions { Url = "https://mirror-user:mirror-secret@pwned.internal:8443/api" }
            .UrlWithoutCredentials();

        Assert.That(logged, Does.Contain("pwned.internal:8443/api").And.Not.Contain("mirror-user").And.Not.Contain("mirror-secret"));
    }

    [TestCase("https://api.pwnedpasswords.com", "https://api.pwnedpasswords.com/")]
    [TestCase("", "")]
    public void UrlWithoutCredentials_WithNone_ShowsTheUrl(string url, string expected)
    {
        Assert.That(new PasswordBreachCheckOptions { Url = url }.UrlWithoutCredentials(), Is.EqualTo(expected));
    }
}
