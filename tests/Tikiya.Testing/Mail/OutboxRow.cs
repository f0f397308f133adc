namespace Tikiya.Testing.Mail;

/// <summary>A row of mail_outbox as stored; <see cref="Model"/> is the jsonb as text (null once sent or given up).</summary>
public sealed record OutboxRow(Guid Id, string Recipient, string Template, string? Model, int FailedAttempts,
    DateTimeOffset QueuedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, DateTimeOffset? GaveUpAt, string? LastError)
{
    public bool IsPending => SentAt is null && GaveUpAt is null;
}
