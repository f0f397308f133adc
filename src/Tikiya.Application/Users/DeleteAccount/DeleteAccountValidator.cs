using FluentValidation;
using Tikiya.Application.Accounts;

namespace Tikiya.Application.Users.DeleteAccount;

internal sealed class DeleteAccountValidator : AbstractValidator<DeleteAccountCommand>
{
    public DeleteAccountValidator() => RuleFor(c => c.Password).MustBeACurrentPassword();
}
