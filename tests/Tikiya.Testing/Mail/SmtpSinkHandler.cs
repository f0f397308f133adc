using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Tikiya.Testing.Mail;

/// <summary>
/// The <see cref="SmtpSink"/>'s answers to MAIL FROM, RCPT TO, AUTH and the end of DATA, including the failures a test
/// asks for. SmtpServer calls it from every session at once.
/// </summary>
internal sealed class SmtpSinkHandler(SmtpSinkOptions options, ReceivedMailLog log)
    : IMessageStore, IMailboxFilter, IUserAuthenticator
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _rejectedRecipients = new(StringComparer.OrdinalIgnoreCase);
    private int _transientFailuresLeft;

    public void FailNextMessagesTransiently(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            _transientFailuresLeft = count;
        }
    }

    public void RejectRecipient(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        lock (_lock)
        {
            _rejectedRecipients.Add(address);
        }
    }

    public void AcceptEverything()
    {
        lock (_lock)
        {
            _transientFailuresLeft = 0;
            _rejectedRecipients.Clear();
        }
    }

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        // STARTTLS is offered and required, as by a relay that refuses plain text: a client that did not upgrade
        // (an app that ignored its smtp:// URL's default) is refused here, before any mail or password crosses in clear.
        if (options.Security == SmtpSinkSecurity.StartTls && !context.Pipe.IsSecure)
        {
            log.AddRefusal(new SmtpRefusal(530, "MAIL", $"from {from.AsAddress()} before STARTTLS"));
            throw new SmtpResponseException(
                new SmtpResponse(SmtpReplyCode.AuthenticationRequired, "5.7.0 Must issue a STARTTLS command first"));
        }

        return Task.FromResult(true);
    }

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var address = to.AsAddress() ?? "";
        bool rejected;
        lock (_lock)
        {
            rejected = _rejectedRecipients.Contains(address);
        }

        if (rejected)
        {
            log.AddRefusal(new SmtpRefusal(550, "RCPT", $"to {address}"));
        }

        return Task.FromResult(!rejected); // false: SmtpServer answers 550 mailbox unavailable
    }

    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
    {
        if (options.Credentials is not { } expected)
        {
            return Task.FromResult(true);
        }

        var accepted = string.Equals(user, expected.UserName, StringComparison.Ordinal)
            && string.Equals(password, expected.Password, StringComparison.Ordinal);
        if (!accepted)
        {
            log.AddRefusal(new SmtpRefusal(535, "AUTH", $"user {user}")); // never the password, even a wrong one
        }

        return Task.FromResult(accepted);
    }

    public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(buffer.ToArray());
            message = await MimeMessage.LoadAsync(stream, cancellationToken);
        }
        catch (FormatException exception)
        {
            log.AddFault(exception);
            return new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.6.0 The message could not be parsed");
        }

        string[] recipients = [.. transaction.To.Select(mailbox => mailbox.AsAddress())];
        if (TakeTransientFailure())
        {
            log.AddRefusal(new SmtpRefusal(451, "DATA", $"\"{message.Subject}\" to {string.Join(", ", recipients)}"));
            return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 Temporary failure, try again later");
        }

        var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
        // Stored before SmtpServer answers 250: once the client's send returns, the mail is in Messages.
        log.Add(new ReceivedMail(message, transaction.From.AsAddress(), recipients, user, context.Pipe.IsSecure));
        return SmtpResponse.Ok;
    }

    private bool TakeTransientFailure()
    {
        lock (_lock)
        {
            if (_transientFailuresLeft == 0)
            {
                return false;
            }

            _transientFailuresLeft--;
            return true;
        }
    }
}
