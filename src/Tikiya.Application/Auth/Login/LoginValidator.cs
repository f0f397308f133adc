using FluentValidation;

namespace Tikiya.Application.Auth.Login;

internal sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).MustBeAnEmailToLookUp();
        RuleFor(c => c.Password).MustBeAPassword();
    }
}
