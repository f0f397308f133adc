using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Tikiya.Infrastructure.Mail;

/// <summary>What a failed send means for the mail, and a description an operator can read without any address or code.</summary>
internal sealed record MailFailure(string Description, bool Permanent, bool ConnectionLost)
{
    public static MailFailure Of(Exception exception) => exception switch
    {
        // 5xx for this recipient or this message: retrying cannot help (a mailbox that does not exist).
        SmtpCommandException { StatusCode: var status, ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } smtp
            when (int)status >= 500 => new($"SMTP {(int)status} {smtp.ErrorCode}", Permanent: true, ConnectionLost: false),
        SmtpCommandException smtp => new($"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}", Permanent: false, ConnectionLost: false),
        // An address stored under older rules that MIME cannot carry: no retry will ever send it.
        MimeKit.ParseException => new("The recipient's address cannot be written in a mail", Permanent: true, ConnectionLost: false),
        // The deadline of one connect or send (SmtpMailTransport): the session is in an unknown state, start a new one.
        OperationCanceledException => new("The SMTP server did not answer in time", Permanent: false, ConnectionLost: true),
        AuthenticationException => new("SMTP authentication failed (check SMTP_URL's user and password)", false, true),
        ServiceNotAuthenticatedException => new("The SMTP server wants a login (put the user and password in SMTP_URL)", false, true),
        SslHandshakeException => new("TLS handshake with the SMTP server failed", false, true),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException =>
            new($"SMTP connection failed ({exception.GetType().Name})", false, true),
        UnauthorizedAccessException or DirectoryNotFoundException => new($"Pickup folder not writable ({exception.GetType().Name})", false, true),
        _ => new($"Sending failed ({exception.GetType().Name})", false, false),
    };
}
