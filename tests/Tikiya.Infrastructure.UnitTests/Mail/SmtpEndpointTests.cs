using MailKit.Security;
using Tikiya.Infrastructure.Mail;

namespace Tikiya.Infrastructure.UnitTests.Mail;

/// <summary>SMTP_URL in the form of Ory Kratos' courier (ARCHITECTURE.md, v1.1).</summary>
public sealed class SmtpEndpointTests
{
    [TestCase("smtp://mail.example.com/", 587, SecureSocketOptions.StartTls)]
    [TestCase("smtp://mail.example.com:2525/", 2525, SecureSocketOptions.StartTls)]
    [TestCase("smtps://mail.example.com/", 465, SecureSocketOptions.SslOnConnect)]
    [TestCase("smtp://127.0.0.1:25/?disable_starttls=true", 25, SecureSocketOptions.None)]
    public void TryParse_EachForm_GivesPortAndSecurity(string url, int port, SecureSocketOptions security)
    {
        Assert.That(SmtpEndpoint.TryParse(url, out var endpoint, out var error), Is.True, error);

        Assert.That(endpoint!.Port, Is.EqualTo(port));
        Assert.That(endpoint.Security, Is.EqualTo(security));
        Assert.That(endpoint.SkipCertificateCheck, Is.False);
    }

    [Test]
    public void TryParse_PercentEncodedCredentials_AreDecoded()
    {
        Assert.That(SmtpEndpoint.TryParse("smtp://mailer%40example.com:p%3Ass%2Fw@mail.example.com/?skip_ssl_verify=true",
            out var endpoint, out _), Is.True);

        Assert.That(endpoint!.Credentials!.UserName, Is.EqualTo("mailer@example.com"));
        Assert.That(endpoint.Credentials.Password, Is.EqualTo("p:ss/w"));
        Assert.That(endpoint.SkipCertificateCheck, Is.True);
    }

    [Test]
    public void ToString_HidesThePassword()
    {
        Assert.That(SmtpEndpoint.TryParse("smtp://mailer:hunter2-secret@mail.example.com/", out var endpoint, out _), Is.True);

        Assert.That(endpoint!.ToString(), Does.Not.Contain("hunter2").And.Contain("mailer:***@mail.example.com:587"));
    }

    [TestCase("http://mail.example.com/")]
    [TestCase("smtp:///")]
    [TestCase("mail.example.com")]
    [TestCase("smtp://mail.example.com/?tls=on")]
    [TestCase("smtp://mail.example.com/?disable_starttls=yes")]
    [TestCase("smtps://mail.example.com/?disable_starttls=true")]
    public void TryParse_NotAnSmtpUrl_SaysWhy(string url)
    {
        Assert.That(SmtpEndpoint.TryParse(url, out _, out var error), Is.False);
        Assert.That(error, Is.Not.Empty);
    }
}
