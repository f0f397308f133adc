using FluentValidation;

namespace Tikiya.Application.Auth;

internal static class RefreshTokenRules
{
    /// <summary>Ours are 43 characters; anything much longer is not one, and is refused before any lookup.</summary>
    public const int MaxLength = 256;

    public static IRuleBuilderOptions<T, string> MustBeARefreshToken<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Refresh token is required.")
            .MaximumLength(MaxLength).WithMessage($"Refresh token must be at most {MaxLength} characters.");
}
