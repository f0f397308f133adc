using System.Globalization;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace Tikiya.Testing.Mail;

/// <summary>
/// A real SMTP server (SmtpServer) in the test process on 127.0.0.1, which keeps every mail it accepts, parsed with
/// MimeKit, for the test to read. It can go down and come back on the same port, answer 451 to the next mails or 550
/// to a recipient, to test how the app retries. Give the app <see cref="Url"/> as SMTP_URL.
/// </summary>
/// <remarks>Start and stop from one test at a time; receiving and reading are safe from any thread.</remarks>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string Host = "127.0.0.1";

    private readonly ReceivedMailLog _log = new();
    private readonly SmtpSinkHandler _handler;
    private readonly X509Certificate2? _certificate;
    private Serving? _serving;

    private SmtpSink(SmtpSinkOptions options, int port, X509Certificate2? certificate)
    {
        Options = options;
        Port = port;
        _certificate = certificate;
        _handler = new SmtpSinkHandler(options, _log);
        CertificateSha256 = certificate?.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public SmtpSinkOptions Options { get; }

    public int Port { get; }

    /// <summary>The SMTP_URL for the app: this sink's scheme, port and TLS mode, and its credentials when it has some.</summary>
    public string Url => UrlFor(Options.Credentials);

    /// <summary>The self-signed certificate's SHA-256 thumbprint (null for <see cref="SmtpSinkSecurity.Plain"/>), to pin it.</summary>
    public string? CertificateSha256 { get; }

    public bool IsRunning => _serving is not null;

    /// <summary>Every mail accepted since the start or the last <see cref="Clear"/>, in order of arrival (a snapshot).</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. _log.Received.Select(mail => mail.Message)];

    /// <summary>The same mails with their SMTP envelope, login and TLS state.</summary>
    public IReadOnlyList<ReceivedMail> Received => _log.Received;

    /// <summary>What the sink refused (451, 530, 535, 550), in order.</summary>
    public IReadOnlyList<SmtpRefusal> Refusals => _log.Refusals;

    public static async Task<SmtpSink> StartAsync(SmtpSinkOptions? options = null)
    {
        options ??= new SmtpSinkOptions();
        var certificate = options.Security == SmtpSinkSecurity.Plain ? null : SelfSignedCertificate.ForLoopback();
        var sink = new SmtpSink(options, FreePort.Next(), certificate);
        try
        {
            await sink.ListenAsync();
            return sink;
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
    }

    /// <summary>The same URL with other credentials: a wrong password, a user the sink does not know.</summary>
    public string UrlWithCredentials(string userName, string password) => UrlFor(new SmtpSinkCredentials(userName, password));

    /// <summary>
    /// Completes with the first mail, already received or still to come, that matches; throws a
    /// <see cref="TimeoutException"/> that lists what arrived and what was refused when none does in time.
    /// </summary>
    public Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> predicate, TimeSpan timeout,
        CancellationToken cancellationToken = default) =>
        _log.WaitForAsync(predicate, timeout, $"the SMTP sink on port {Port}", cancellationToken);

    /// <summary>The first mail whose To header holds <paramref name="address"/> (case-insensitive).</summary>
    public Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForMessageAsync(message => message.To.Mailboxes.Any(mailbox =>
            string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase)), timeout, cancellationToken);

    /// <summary>Forgets the mails and refusals and accepts everything again: each test starts from an empty, willing sink.</summary>
    public void Clear()
    {
        _log.Clear();
        _handler.AcceptEverything();
    }

    /// <summary>The next <paramref name="count"/> mails are answered 451 at the end of DATA and not kept; later ones are.</summary>
    public void FailNextMessagesTransiently(int count) => _handler.FailNextMessagesTransiently(count);

    /// <summary>RCPT TO this address is answered 550 (a permanent refusal) until <see cref="Clear"/>.</summary>
    public void RejectRecipient(string address) => _handler.RejectRecipient(address);

    /// <summary>SMTP goes down: the port stops listening (connections are refused) and open sessions are cut.</summary>
    public async Task StopAsync()
    {
        var serving = _serving ?? throw new InvalidOperationException("The SMTP sink is not running.");
        _serving = null;
        await serving.StopAsync();
    }

    /// <summary>SMTP comes back on the same port, keeping what was received before.</summary>
    public Task StartAgainAsync() =>
        _serving is null ? ListenAsync() : throw new InvalidOperationException("The SMTP sink is already running.");

    public async ValueTask DisposeAsync()
    {
        if (_serving is not null)
        {
            await StopAsync();
        }

        _certificate?.Dispose();
    }

    private string UrlFor(SmtpSinkCredentials? credentials)
    {
        var scheme = Options.Security == SmtpSinkSecurity.ImplicitTls ? "smtps" : "smtp";
        var userInfo = credentials is null
            ? ""
            : $"{Uri.EscapeDataString(credentials.UserName)}:{Uri.EscapeDataString(credentials.Password)}@";
        // The certificate is self-signed, so a client that verifies it would refuse it: the app is told to skip.
        var query = Options.Security == SmtpSinkSecurity.Plain ? "disable_starttls=true" : "skip_ssl_verify=true";
        return string.Create(CultureInfo.InvariantCulture, $"{scheme}://{userInfo}{Host}:{Port}/?{query}");
    }

    private async Task ListenAsync()
    {
        var endpoint = new EndpointDefinitionBuilder()
            .Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
            .IsSecure(Options.Security == SmtpSinkSecurity.ImplicitTls)
            .AuthenticationRequired(Options.Credentials is not null)
            // Login in clear only where the URL asks for no TLS at all; with STARTTLS, AUTH is offered after the upgrade.
            .AllowUnsecureAuthentication(Options.Security == SmtpSinkSecurity.Plain && Options.Credentials is not null)
            .SupportedSslProtocols(SslProtocols.None); // the system's choice (TLS 1.2 and 1.3), not SmtpServer's 1.2 only
        if (_certificate is not null)
        {
            endpoint.Certificate(_certificate);
        }

        var services = new ServiceProvider();
        services.Add((IMessageStore)_handler);
        services.Add((IMailboxFilter)_handler);
        services.Add((IUserAuthenticator)_handler);
        var listeners = new EndpointListenerFactory();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();
        services.Add(listeners);

        var options = new SmtpServerOptionsBuilder().ServerName("tikiya-smtp-sink").Endpoint(endpoint.Build()).Build();
        var server = new SmtpServerHost(options, services);
        server.SessionFaulted += (_, e) => _log.AddFault(e.Exception);
        var stopping = new CancellationTokenSource();
        var running = server.StartAsync(stopping.Token);
        if (await Task.WhenAny(listening.Task, running) != listening.Task)
        {
            stopping.Dispose();
            await running; // the port was taken, say: its exception
            throw new InvalidOperationException($"The SMTP sink stopped before it listened on port {Port}.");
        }

        _serving = new Serving(stopping, running);
    }

    private sealed class Serving(CancellationTokenSource stopping, Task running)
    {
        /// <summary>
        /// Cancelling (rather than SmtpServer's Shutdown, which lets sessions finish) closes the listener and cuts the
        /// open sessions too: a client that holds a connection sees SMTP go down like a restarted relay.
        /// </summary>
        public async Task StopAsync()
        {
            await stopping.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // the expected end of a cancelled server
            }
            finally
            {
                stopping.Dispose();
            }
        }
    }
}
