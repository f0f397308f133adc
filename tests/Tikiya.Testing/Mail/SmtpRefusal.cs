namespace Tikiya.Testing.Mail;

/// <summary>An answer of the <see cref="SmtpSink"/> that refused something: the reply code and the command it answered.</summary>
public sealed record SmtpRefusal(int Code, string Command, string Detail);
