using FluentValidation;

namespace Tikiya.Application.Auth.Logout;

internal sealed class LogoutValidator : AbstractValidator<LogoutCommand>
{
    public LogoutValidator() => RuleFor(c => c.RefreshToken).MustBeARefreshToken();
}
