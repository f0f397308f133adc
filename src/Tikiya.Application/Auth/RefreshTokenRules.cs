using FluentValidation;

namespace Tikiya.Application.Auth;

internal static class RefreshTokenRules
{
    /// <summary>Ours are 98 characters (43 before they named their session); anything much longer is refused before any lookup.</summary>
    public const int MaxLength = 256;

    public static IRuleBuilderOptions<T, string> MustBeARefreshToken<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Refresh token is required.")
            .MaximumLength(MaxLength).WithMessage($"Refresh token must be at most {MaxLength} characters.");
}
