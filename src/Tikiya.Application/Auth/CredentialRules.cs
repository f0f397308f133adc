using FluentValidation;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth;

/// <summary>The rules of API.md for an email and a password, shared by register and login.</summary>
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
}
