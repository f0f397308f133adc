namespace Tikiya.Domain.Mail;

/// <summary>
/// A resend-verification or forgot-password request, as it was answered: for a known, an unknown and a verified email
/// alike, the request path writes one of these and its address's limit, and nothing else (API.md: "in about the same
/// time"). The background
/// sender then looks the address up and, when there is something to send, issues the code and queues the mail.
/// </summary>
public sealed class MailRequest
{
    private MailRequest() { } // for EF Core

    private MailRequest(MailRequestKind kind, string email, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Kind = kind;
        Email = email;
        RequestedAt = now;
    }

    public Guid Id { get; private set; }

    public MailRequestKind Kind { get; private set; }

    /// <summary>The address as the client sent it (trimmed); the row is deleted once it is handled.</summary>
    public string Email { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    public static MailRequest Create(MailRequestKind kind, string email, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return new MailRequest(kind, email, now);
    }
}
