using FluentValidation;

namespace Tikiya.Application.Mfa.DisableTotp;

internal sealed class DisableTotpValidator : AbstractValidator<DisableTotpCommand>
{
    public DisableTotpValidator() => RuleFor(c => c.Code).MustBeAnMfaCode();
}
