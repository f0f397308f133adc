using MimeKit;

namespace Tikiya.Infrastructure.Mail;

/// <summary>Where the sender hands mails over: an SMTP server, or a pickup folder.</summary>
internal interface IMailTransport
{
    /// <summary>One connection for a batch of mails (an SMTP session: connect, TLS, login once).</summary>
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}

internal interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
