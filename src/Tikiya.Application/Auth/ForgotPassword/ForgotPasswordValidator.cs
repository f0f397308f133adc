using FluentValidation;

namespace Tikiya.Application.Auth.ForgotPassword;

internal sealed class ForgotPasswordValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordValidator() => RuleFor(c => c.Email).MustBeAnEmailToLookUp(); // an account stored under older rules can recover too
}
