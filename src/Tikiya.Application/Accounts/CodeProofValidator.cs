using FluentValidation;
using Tikiya.Application.Auth;

namespace Tikiya.Application.Accounts;

/// <summary>Exactly one of the two forms of <see cref="ICodeProof"/>; included by the validators of its commands.</summary>
internal sealed class CodeProofValidator : AbstractValidator<ICodeProof>
{
    private const string OneForm = "Send either the token or the email and code, not both.";

    public CodeProofValidator()
    {
        When(c => c.Token is not null, () =>
        {
            RuleFor(c => c.Token!).MustBeALinkToken();
            RuleFor(c => c.Email).Null().WithMessage(OneForm);
            RuleFor(c => c.Code).Null().WithMessage(OneForm);
        }).Otherwise(() =>
        {
            RuleFor(c => c.Email!).MustBeAnEmailToLookUp();
            RuleFor(c => c.Code!).MustBeACode();
        });
    }
}
