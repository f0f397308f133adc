namespace Tikiya.Domain.Mail;

public enum MailRequestKind
{
    ResendVerification = 1,
    ForgotPassword = 2,
}
