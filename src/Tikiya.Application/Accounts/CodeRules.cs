using FluentValidation;

namespace Tikiya.Application.Accounts;

/// <summary>The rules of API.md for what an account mail carries: a 6-digit code and a link token.</summary>
internal static class CodeRules
{
    public const int CodeLength = 6;

    /// <summary>Ours are 43 characters; anything much longer is not one, and is refused before any lookup.</summary>
    public const int LinkTokenMaxLength = 256;

    public static IRuleBuilderOptions<T, string> MustBeACode<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Code is required.")
            .Must(code => code.Length == CodeLength && code.All(char.IsAsciiDigit))
            .WithMessage($"Code must be the {CodeLength} digits of the mail.");

    public static IRuleBuilderOptions<T, string> MustBeALinkToken<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Token is required.")
            .MaximumLength(LinkTokenMaxLength).WithMessage("Token is not one of ours.");

    /// <summary>A password to confirm with: any that an account can have, so never refused by a tightened rule.</summary>
    public static IRuleBuilderOptions<T, string> MustBeACurrentPassword<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Password is required.")
            .Must(password => password.Length > 0).WithMessage("Password is required.") // spaces alone may be a password
            .MaximumLength(Auth.CredentialRules.PasswordMaxLength * 4) // UTF-16 units of 128 code points, at most
            .WithMessage($"Password must be at most {Auth.CredentialRules.PasswordMaxLength} characters.");
}
