using FluentValidation;
using Tikiya.Application.Accounts;

namespace Tikiya.Application.Auth.ResetPassword;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator(PasswordScreening screening)
    {
        Include(new CodeProofValidator());
        RuleFor(c => c.NewPassword).MustBeANewPassword(screening);
    }
}
