namespace Tikiya.Testing.Mail;

/// <summary>The one user the <see cref="SmtpSink"/> lets in, when it asks for a login.</summary>
public sealed record SmtpSinkCredentials(string UserName, string Password)
{
    public static SmtpSinkCredentials Default { get; } = new("tikiya-mailer", "sink-password-for-tests");
}
