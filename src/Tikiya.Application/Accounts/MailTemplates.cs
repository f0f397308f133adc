namespace Tikiya.Application.Accounts;

/// <summary>
/// The mails the account flows send, by template name (the files an operator may override). Those that carry a
/// secret have <c>code</c> in their model, and verification and reset also <c>link</c>.
/// </summary>
public static class MailTemplates
{
    public const string VerifyEmail = "verify-email";
    public const string ResetPassword = "reset-password";
    public const string ChangeEmail = "change-email";
    public const string PasswordChanged = "password-changed";
    public const string EmailChangeRequested = "email-change-requested";
    public const string EmailChanged = "email-changed";
    public const string AccountDeleted = "account-deleted";
    public const string MfaEnabled = "mfa-enabled";
    public const string MfaDisabled = "mfa-disabled";

    public static IReadOnlyList<string> All { get; } =
        [VerifyEmail, ResetPassword, ChangeEmail, PasswordChanged, EmailChangeRequested, EmailChanged, AccountDeleted,
        MfaEnabled, MfaDisabled];
}
