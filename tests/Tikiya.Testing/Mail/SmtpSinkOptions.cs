namespace Tikiya.Testing.Mail;

public sealed record SmtpSinkOptions
{
    public SmtpSinkSecurity Security { get; init; } = SmtpSinkSecurity.Plain;

    /// <summary>
    /// When set, MAIL FROM needs AUTH PLAIN or LOGIN as this user, and any other user or password is refused (535).
    /// When null nobody needs to log in, and a client that logs in anyway is let in.
    /// </summary>
    public SmtpSinkCredentials? Credentials { get; init; }
}
