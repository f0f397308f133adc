using FluentValidation;

namespace Tikiya.Application.Mfa.ConfirmTotp;

internal sealed class ConfirmTotpValidator : AbstractValidator<ConfirmTotpCommand>
{
    public ConfirmTotpValidator() => RuleFor(c => c.Code).MustBeAnMfaCode();
}
