using FluentValidation;

namespace Tikiya.Application.Auth.ResendVerification;

internal sealed class ResendVerificationValidator : AbstractValidator<ResendVerificationCommand>
{
    public ResendVerificationValidator() => RuleFor(c => c.Email).MustBeAnEmailToLookUp(); // an account stored under older rules can recover too
}
