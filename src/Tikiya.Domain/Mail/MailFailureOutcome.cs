namespace Tikiya.Domain.Mail;

public enum MailFailureOutcome
{
    WillRetry,
    GaveUp,
}
