using MimeKit;

namespace Tikiya.Testing.Mail;

/// <summary>
/// A mail the <see cref="SmtpSink"/> accepted (250 after DATA), with what only the SMTP session shows: the envelope, who
/// logged in and whether the session was encrypted.
/// </summary>
public sealed record ReceivedMail(MimeMessage Message, string? EnvelopeFrom, IReadOnlyList<string> EnvelopeTo,
    string? UserName, bool OverTls);
