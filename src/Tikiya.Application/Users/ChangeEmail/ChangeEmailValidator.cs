using FluentValidation;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth;

namespace Tikiya.Application.Users.ChangeEmail;

internal sealed class ChangeEmailValidator : AbstractValidator<ChangeEmailCommand>
{
    public ChangeEmailValidator()
    {
        RuleFor(c => c.NewEmail).MustBeAnEmail();
        RuleFor(c => c.Password).MustBeACurrentPassword();
    }
}
