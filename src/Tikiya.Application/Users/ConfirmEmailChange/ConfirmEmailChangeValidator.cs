using FluentValidation;
using Tikiya.Application.Accounts;

namespace Tikiya.Application.Users.ConfirmEmailChange;

internal sealed class ConfirmEmailChangeValidator : AbstractValidator<ConfirmEmailChangeCommand>
{
    public ConfirmEmailChangeValidator() => RuleFor(c => c.Code).MustBeACode();
}
