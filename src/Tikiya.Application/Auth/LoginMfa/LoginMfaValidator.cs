using FluentValidation;
using Tikiya.Application.Mfa;

namespace Tikiya.Application.Auth.LoginMfa;

internal sealed class LoginMfaValidator : AbstractValidator<LoginMfaCommand>
{
    /// <summary>Ours are 43 characters; anything much longer is refused before it is hashed.</summary>
    public const int MaxMfaTokenLength = 256;

    public LoginMfaValidator()
    {
        RuleFor(c => c.MfaToken).NotEmpty().WithMessage("MFA token is required.")
            .MaximumLength(MaxMfaTokenLength).WithMessage($"MFA token must be at most {MaxMfaTokenLength} characters.");
        RuleFor(c => c.Code).MustBeAnMfaCode();
    }
}
