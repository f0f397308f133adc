using MailKit.Net.Smtp;
using MimeKit;

namespace Tikiya.Infrastructure.Mail;

/// <summary>
/// MailKit over SMTP_URL. Short timeouts: an SMTP server that hangs must not hold the sender for long. MailKit's own
/// timeout bounds each read or write; a deadline bounds a whole connect or send, so a server that answers a byte at
/// a time cannot hold the sender (and the mail's row lock) either.
/// </summary>
internal sealed class SmtpMailTransport(SmtpEndpoint endpoint) : IMailTransport
{
    private const int TimeoutMilliseconds = 15_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        try
        {
            if (endpoint.SkipCertificateCheck)
            {
#pragma warning disable CA5359 // the operator asked for it in SMTP_URL (?skip_ssl_verify=true): local relays and tests only
                client.ServerCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Deadline);
            await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.Security, deadline.Token);
            if (endpoint.Credentials is { } credentials)
            {
                await client.AuthenticateAsync(credentials, deadline.Token);
            }

            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Deadline);
            await client.SendAsync(message, deadline.Token);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, quit.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or MailKit.ProtocolException
                or System.Net.Sockets.SocketException)
            {
                // The mails are sent or recorded as failed already; a QUIT that fails changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
