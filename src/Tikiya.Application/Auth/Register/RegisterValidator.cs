using FluentValidation;

namespace Tikiya.Application.Auth.Register;

internal sealed class RegisterValidator : AbstractValidator<RegisterCommand>
{
    public RegisterValidator(PasswordScreening screening)
    {
        RuleFor(c => c.Email).MustBeAnEmail();
        RuleFor(c => c.Password).MustBeANewPassword(screening);
    }
}
