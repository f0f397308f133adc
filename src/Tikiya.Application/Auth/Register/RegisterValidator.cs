using FluentValidation;

namespace Tikiya.Application.Auth.Register;

internal sealed class RegisterValidator : AbstractValidator<RegisterCommand>
{
    public RegisterValidator()
    {
        RuleFor(c => c.Email).MustBeAnEmail();
        RuleFor(c => c.Password).MustBeAPassword();
    }
}
