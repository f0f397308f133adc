using Microsoft.Extensions.Options;
using MimeKit;
using Tikiya.Domain.Mail;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Mail;

/// <summary>
/// An outbox row as the message that goes out: multipart (text and HTML), From MAIL_FROM, Date, and a Message-ID made
/// from the row's id, so a mail sent twice (an SMTP server that accepted it while the database commit failed) is
/// recognisably the same one.
/// </summary>
internal sealed class MailComposer(IOptions<MailOptions> options, MailTemplateRenderer templates)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.Value.From.Length > 0 ? options.Value.From : "tikiya@localhost");

    public MimeMessage Compose(OutboxMail mail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var model = mail.Model ?? throw new InvalidOperationException("A mail that was sent or given up has no content.");
        var rendered = templates.Render(mail.Template, model);
        var message = new MimeMessage
        {
            Subject = rendered.Subject,
            Date = now,
            MessageId = $"{mail.Id:N}@{(_from.Domain.Length > 0 ? _from.Domain : "localhost")}",
            Body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html }.ToMessageBody(),
        };
        message.From.Add(_from);
        message.To.Add(new MailboxAddress("", mail.Recipient)); // the address alone: no display name to parse
        return message;
    }
}
