namespace Tikiya.Infrastructure.Mail;

internal sealed record RenderedMail(string Subject, string Text, string Html)
{
    public override string ToString() => nameof(RenderedMail); // the text holds the code
}
