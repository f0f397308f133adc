using FluentValidation;
using Tikiya.Application.Accounts;

namespace Tikiya.Application.Mfa.EnrolTotp;

internal sealed class EnrolTotpValidator : AbstractValidator<EnrolTotpCommand>
{
    public EnrolTotpValidator() => RuleFor(c => c.Password).MustBeACurrentPassword();
}
