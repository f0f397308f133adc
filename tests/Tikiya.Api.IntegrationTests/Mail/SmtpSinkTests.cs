using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Mail;

/// <summary>The SMTP sink itself, driven by MailKit's client (the one the app sends with) over real sockets.</summary>
public sealed class SmtpSinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Send_MultipartMail_IsKeptWithItsParts()
    {
        await using var sink = await SmtpSink.StartAsync();

        await SendAsync(sink, Mail("reader@example.com", "Your code"));

        var received = sink.Received.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.Message.Subject, Is.EqualTo("Your code"));
            Assert.That(received.Message.To.Mailboxes.Single().Address, Is.EqualTo("reader@example.com"));
            Assert.That(received.EnvelopeFrom, Is.EqualTo("no-reply@tikiya.test"));
            Assert.That(received.EnvelopeTo, Is.EqualTo(new[] { "reader@example.com" }));
            Assert.That(received.OverTls, Is.False);
            Assert.That(received.Message.Body?.ContentType.MimeType, Is.EqualTo("multipart/alternative"));
            Assert.That(SentMail.Code(received.Message), Is.EqualTo("123456"));
            Assert.That(SentMail.LinkToken(received.Message), Is.EqualTo("a+b/c="));
            Assert.That(SentMail.Html(received.Message), Does.Contain("<b>123456</b>"));
        }
    }

    [Test]
    public async Task WaitForMessage_MailArrivingLater_CompletesWithIt()
    {
        await using var sink = await SmtpSink.StartAsync();
        var waiting = sink.WaitForMessageToAsync("late@example.com", Wait);

        await SendAsync(sink, Mail("early@example.com", "Early"));
        await SendAsync(sink, Mail("late@example.com", "Late"));

        Assert.That((await waiting).Subject, Is.EqualTo("Late"));
    }

    [Test]
    public async Task WaitForMessage_MailAlreadyReceived_CompletesWithIt()
    {
        await using var sink = await SmtpSink.StartAsync();
        await SendAsync(sink, Mail("reader@example.com", "Before the wait"));

        var message = await sink.WaitForMessageAsync(m => m.Subject == "Before the wait", Wait);

        Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("reader@example.com"));
    }

    [Test]
    public async Task WaitForMessage_NoMatchInTime_ThrowsTimeoutListingWhatArrived()
    {
        await using var sink = await SmtpSink.StartAsync();
        await SendAsync(sink, Mail("someone@example.com", "Not this one"));

        var timeout = Assert.ThrowsAsync<TimeoutException>(() =>
            sink.WaitForMessageAsync(m => m.Subject == "Never sent", TimeSpan.FromMilliseconds(200)));

        Assert.That(timeout.Message, Does.Contain("Received (1)").And.Contain("\"Not this one\"").And.Contain("someone@example.com"));
    }

    [Test]
    public async Task Clear_AfterMail_EmptiesTheSinkAndAcceptsEverythingAgain()
    {
        await using var sink = await SmtpSink.StartAsync();
        await SendAsync(sink, Mail("reader@example.com", "Old"));
        sink.RejectRecipient("reader@example.com");
        sink.FailNextMessagesTransiently(1);

        sink.Clear();
        await SendAsync(sink, Mail("reader@example.com", "New"));

        Assert.That(sink.Messages.Select(m => m.Subject), Is.EqualTo(new[] { "New" }));
    }

    [Test]
    public async Task StartTls_ClientSkippingVerification_DeliversOverTls()
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions { Security = SmtpSinkSecurity.StartTls });

        await SendAsync(sink, Mail("reader@example.com", "Secret"), SecureSocketOptions.StartTls);

        Assert.That(sink.Received.Single().OverTls, Is.True);
    }

    [Test]
    public async Task StartTls_ClientVerifyingTheCertificate_RefusesTheSelfSignedOne()
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions { Security = SmtpSinkSecurity.StartTls });
        using var client = new SmtpClient(); // MailKit's own validation: what the app does without skip_ssl_verify

        Assert.ThrowsAsync<SslHandshakeException>(() => client.ConnectAsync(SmtpSink.Host, sink.Port, SecureSocketOptions.StartTls));
    }

    [Test]
    public async Task StartTls_ClientStayingInPlainText_IsRefusedAtMailFrom()
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions { Security = SmtpSinkSecurity.StartTls });

        // MailKit turns the 530 into ServiceNotAuthenticatedException
        var refused = Assert.ThrowsAsync<ServiceNotAuthenticatedException>(() =>
            SendAsync(sink, Mail("reader@example.com", "In clear"), SecureSocketOptions.None));

        Assert.That(refused.Message, Does.Contain("STARTTLS"));
        Assert.That(sink.Refusals.Select(r => (r.Code, r.Command)), Is.EqualTo(new[] { (530, "MAIL") }));
        Assert.That(sink.Messages, Is.Empty);
    }

    [Test]
    public async Task StartTls_WithCredentials_OffersAuthenticationOnlyAfterTheUpgrade()
    {
        await using var sink = await SmtpSink.StartAsync(
            new SmtpSinkOptions { Security = SmtpSinkSecurity.StartTls, Credentials = SmtpSinkCredentials.Default });
        using var plain = await ConnectAsync(sink, SecureSocketOptions.None);
        using var upgraded = await ConnectAsync(sink, SecureSocketOptions.StartTls);

        Assert.That(plain.AuthenticationMechanisms, Is.Empty);
        Assert.That(upgraded.AuthenticationMechanisms, Is.SupersetOf(new[] { "PLAIN", "LOGIN" }));
    }

    [Test]
    public async Task ImplicitTls_ClientSkippingVerification_DeliversOverTls()
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions { Security = SmtpSinkSecurity.ImplicitTls });

        await SendAsync(sink, Mail("reader@example.com", "Wrapped"), SecureSocketOptions.SslOnConnect);

        Assert.That(sink.Received.Single().OverTls, Is.True);
    }

    [TestCase("PLAIN")]
    [TestCase("LOGIN")]
    public async Task Authentication_WithTheSinksCredentials_DeliversAsThatUser(string mechanism)
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions { Credentials = SmtpSinkCredentials.Default });
        using var client = await ConnectAsync(sink, SecureSocketOptions.None);

        await client.AuthenticateAsync(Mechanism(mechanism, SmtpSinkCredentials.Default));
        await client.SendAsync(Mail("reader@example.com", "Logged in"));

        Assert.That(sink.Received.Single().UserName, Is.EqualTo(SmtpSinkCredentials.Default.UserName));
    }

    [Test]
    public async Task Authentication_WithAnotherPassword_IsRefused()
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions { Credentials = SmtpSinkCredentials.Default });
        using var client = await ConnectAsync(sink, SecureSocketOptions.None);

        Assert.ThrowsAsync<AuthenticationException>(() =>
            client.AuthenticateAsync(new SaslMechanismPlain(SmtpSinkCredentials.Default.UserName, "not-the-password")));

        Assert.That(sink.Refusals.Select(r => r.Code), Is.EqualTo(new[] { 535 }));
    }

    [Test]
    public async Task Authentication_Required_MailWithoutLoginIsRefused()
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions { Credentials = SmtpSinkCredentials.Default });

        Assert.ThrowsAsync<ServiceNotAuthenticatedException>(() => SendAsync(sink, Mail("reader@example.com", "Anonymous")));

        Assert.That(sink.Messages, Is.Empty);
    }

    [Test]
    public async Task Stop_ThenConnect_IsRefused()
    {
        await using var sink = await SmtpSink.StartAsync();

        await sink.StopAsync();

        var refused = Assert.ThrowsAsync<SocketException>(() => SendAsync(sink, Mail("reader@example.com", "Nobody listens")));
        Assert.That(refused.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused));
    }

    [Test]
    public async Task Stop_WithAClientConnected_CutsItsSession()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var client = await ConnectAsync(sink, SecureSocketOptions.None);

        await sink.StopAsync().WaitAsync(Wait); // an open session does not hold the stop

        Assert.CatchAsync(() => client.NoOpAsync());
        Assert.That(client.IsConnected, Is.False);
    }

    [Test]
    public async Task StartAgain_AfterStop_AcceptsOnTheSamePort()
    {
        await using var sink = await SmtpSink.StartAsync();
        var port = sink.Port;
        await SendAsync(sink, Mail("reader@example.com", "Before"));
        using var cut = await ConnectAsync(sink, SecureSocketOptions.None); // the sink closes it: TIME_WAIT on its port
        await sink.StopAsync();

        await sink.StartAgainAsync();
        await SendAsync(sink, Mail("reader@example.com", "After"));

        Assert.That(sink.Port, Is.EqualTo(port));
        Assert.That(sink.Messages.Select(m => m.Subject), Is.EqualTo(new[] { "Before", "After" }));
    }

    [Test]
    public async Task FailNextMessagesTransiently_Two_Answers451TwiceThenAccepts()
    {
        await using var sink = await SmtpSink.StartAsync();
        sink.FailNextMessagesTransiently(2);

        var first = Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(sink, Mail("reader@example.com", "Try")));
        var second = Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(sink, Mail("reader@example.com", "Try")));
        await SendAsync(sink, Mail("reader@example.com", "Try"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(451));
            Assert.That(first.ErrorCode, Is.EqualTo(SmtpErrorCode.MessageNotAccepted));
            Assert.That((int)second.StatusCode, Is.EqualTo(451));
            Assert.That(sink.Messages, Has.Count.EqualTo(1));
            Assert.That(sink.Refusals.Select(r => (r.Code, r.Command)), Is.EqualTo(new[] { (451, "DATA"), (451, "DATA") }));
        }
    }

    [Test]
    public async Task RejectRecipient_ThatRecipient_Answers550AndOthersStillReceive()
    {
        await using var sink = await SmtpSink.StartAsync();
        sink.RejectRecipient("gone@example.com");

        var refused = Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(sink, Mail("gone@example.com", "Bounce")));
        await SendAsync(sink, Mail("here@example.com", "Delivered"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(SmtpStatusCode.MailboxUnavailable));
            Assert.That(refused.ErrorCode, Is.EqualTo(SmtpErrorCode.RecipientNotAccepted));
            Assert.That(sink.Messages.Select(m => m.Subject), Is.EqualTo(new[] { "Delivered" }));
        }
    }

    [TestCase(SmtpSinkSecurity.Plain, "smtp://127.0.0.1:{port}/?disable_starttls=true")]
    [TestCase(SmtpSinkSecurity.StartTls, "smtp://127.0.0.1:{port}/?skip_ssl_verify=true")]
    [TestCase(SmtpSinkSecurity.ImplicitTls, "smtps://127.0.0.1:{port}/?skip_ssl_verify=true")]
    public async Task Url_BySecurity_NamesTheSchemePortAndTlsMode(SmtpSinkSecurity security, string expected)
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions { Security = security });

        var url = sink.Url;

        Assert.That(url, Is.EqualTo(expected.Replace("{port}", $"{sink.Port}", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Url_WithCredentials_CarriesThemPercentEncoded()
    {
        await using var sink = await SmtpSink.StartAsync(
            new SmtpSinkOptions { Credentials = new SmtpSinkCredentials("mailer@tikiya", "p@ss:w/rd%") });

        var url = sink.Url;

        Assert.That(url, Is.EqualTo($"smtp://mailer%40tikiya:p%40ss%3Aw%2Frd%25@127.0.0.1:{sink.Port}/?disable_starttls=true"));
    }

    private static MimeMessage Mail(string to, string subject)
    {
        var body = new BodyBuilder
        {
            TextBody = "Your code:\r\n\r\n   123456\r\n\r\nOr open https://app.tikiya.test/verify?token=a%2Bb%2Fc%3D&lang=en\r\n",
            HtmlBody = "<p>Your code: <b>123456</b></p>",
        };
        var message = new MimeMessage { Subject = subject, Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("no-reply@tikiya.test"));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    private static async Task SendAsync(SmtpSink sink, MimeMessage message, SecureSocketOptions security = SecureSocketOptions.None)
    {
        using var client = await ConnectAsync(sink, security);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    /// <summary>A client that trusts the sink's certificate and no other: skip_ssl_verify, but sure to reach this sink.</summary>
    private static async Task<SmtpClient> ConnectAsync(SmtpSink sink, SecureSocketOptions security)
    {
        var client = new SmtpClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) =>
                certificate?.GetCertHashString(HashAlgorithmName.SHA256) == sink.CertificateSha256,
        };
        try
        {
            await client.ConnectAsync(SmtpSink.Host, sink.Port, security);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SaslMechanism Mechanism(string name, SmtpSinkCredentials credentials) => name switch
    {
        "PLAIN" => new SaslMechanismPlain(credentials.UserName, credentials.Password),
        _ => new SaslMechanismLogin(credentials.UserName, credentials.Password),
    };
}
