using FluentValidation;

namespace Tikiya.Application.Auth.ResendVerification;

internal sealed class ResendVerificationValidator : AbstractValidator<ResendVerificationCommand>
{
    public ResendVerificationValidator() => RuleFor(c => c.Email).MustBeAnEmail();
}
