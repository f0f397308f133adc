using FluentValidation;
using Tikiya.Application.Common.Errors;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth;

/// <summary>The rules of API.md for an email and a password, shared by register, login and the password changes.</summary>
internal static class CredentialRules
{
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;

    public static IRuleBuilderOptions<T, string> MustBeAnEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Email is required.")
            .Must(email => email.Trim().Length <= Email.MaxLength)
            .WithMessage($"Email must be at most {Email.MaxLength} characters.")
            .Must(email => Email.TryCreate(email, out _)).WithMessage("Email must look like an address (name@example.com).");

    /// <summary>
    /// The address of an account that exists (login, the mail requests, a code sent by email): required and bounded, but not held to today's form rules, which
    /// an account stored by an older version may predate (<see cref="Email.ForLookup"/>).
    /// </summary>
    public static IRuleBuilderOptions<T, string> MustBeAnEmailToLookUp<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Email is required.")
            .Must(email => email.Trim().Length <= Email.MaxLength)
            .WithMessage($"Email must be at most {Email.MaxLength} characters.")
            .Must(email => email.Contains('@', StringComparison.Ordinal) && !email.Any(char.IsControl))
            .WithMessage("Email must look like an address (name@example.com)."); // no stored address has a control character

    // Characters are counted as Unicode code points, so an emoji is one character, and spaces count like any other.
    public static IRuleBuilderOptions<T, string> MustBeAPassword<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Password is required.")
            .Must(password => password.EnumerateRunes().Count() is >= PasswordMinLength and <= PasswordMaxLength)
            .WithMessage($"Password must be between {PasswordMinLength} and {PasswordMaxLength} characters.");

    /// <summary>
    /// A password that an account is to get (register, reset-password, users/me/password): the length rule, then not
    /// one of the common ones. The length comes first and stops the rule, so a password that breaks it is never screened.
    /// </summary>
    public static IRuleBuilderOptions<T, string> MustBeANewPassword<T>(this IRuleBuilderInitial<T, string> rule,
        PasswordScreening screening) =>
        rule.MustBeAPassword()
            .MustAsync(async (password, cancellationToken) => !await screening.IsTooCommonAsync(password, cancellationToken))
            .WithErrorCode(ValidationErrorCodes.PasswordTooCommon)
            .WithMessage("This password is too common: it is on lists of leaked passwords that attackers try first. Choose another.");
}
