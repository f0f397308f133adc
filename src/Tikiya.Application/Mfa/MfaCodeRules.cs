using FluentValidation;

namespace Tikiya.Application.Mfa;

internal static class MfaCodeRules
{
    /// <summary>A second-factor code as a body field: present and bounded; whether it is right is the handler's to say.</summary>
    public static IRuleBuilderOptions<T, string> MustBeAnMfaCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Code is required.")
            .MaximumLength(MfaCodeText.MaxLength).WithMessage($"Code must be at most {MfaCodeText.MaxLength} characters.");
}
