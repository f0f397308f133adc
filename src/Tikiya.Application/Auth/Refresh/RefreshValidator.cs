using FluentValidation;

namespace Tikiya.Application.Auth.Refresh;

internal sealed class RefreshValidator : AbstractValidator<RefreshCommand>
{
    public RefreshValidator() => RuleFor(c => c.RefreshToken).MustBeARefreshToken();
}
