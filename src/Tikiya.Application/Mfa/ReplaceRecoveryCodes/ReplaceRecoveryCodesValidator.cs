using FluentValidation;

namespace Tikiya.Application.Mfa.ReplaceRecoveryCodes;

internal sealed class ReplaceRecoveryCodesValidator : AbstractValidator<ReplaceRecoveryCodesCommand>
{
    public ReplaceRecoveryCodesValidator() => RuleFor(c => c.Code).MustBeAnMfaCode();
}
