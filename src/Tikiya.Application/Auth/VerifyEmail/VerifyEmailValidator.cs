using FluentValidation;
using Tikiya.Application.Accounts;

namespace Tikiya.Application.Auth.VerifyEmail;

internal sealed class VerifyEmailValidator : AbstractValidator<VerifyEmailCommand>
{
    public VerifyEmailValidator() => Include(new CodeProofValidator());
}
