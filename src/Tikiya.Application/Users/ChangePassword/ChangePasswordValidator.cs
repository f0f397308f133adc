using FluentValidation;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth;

namespace Tikiya.Application.Users.ChangePassword;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator(PasswordScreening screening)
    {
        RuleFor(c => c.CurrentPassword).MustBeACurrentPassword();
        RuleFor(c => c.NewPassword).MustBeANewPassword(screening);
    }
}
