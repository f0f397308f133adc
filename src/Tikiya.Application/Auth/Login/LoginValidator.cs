using FluentValidation;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth.Login;

internal sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).MustBeAnEmailToLookUp();
        RuleFor(c => c.Password).MustBeAPassword();
        // Counted as stored: trimmed, in Unicode code points (as PostgreSQL counts the column's characters). A control
        // character is refused rather than dropped: the session list shows the name as it is, to people.
        RuleFor(c => c.DeviceName!)
            .Cascade(CascadeMode.Stop)
            .Must(name => name.Trim().EnumerateRunes().Count() <= Session.MaxDeviceNameLength)
            .WithMessage($"Device name must be at most {Session.MaxDeviceNameLength} characters.")
            .Must(name => !name.Any(char.IsControl)).WithMessage("Device name must not contain control characters.")
            .When(c => c.DeviceName is not null);
    }
}
