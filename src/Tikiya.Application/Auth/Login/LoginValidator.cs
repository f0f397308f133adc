using FluentValidation;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth.Login;

internal sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public const int MaxDeviceTokenLength = 256;

    public LoginValidator()
    {
        RuleFor(c => c.Email).MustBeAnEmailToLookUp();
        RuleFor(c => c.Password).MustBeAPassword();
        // Counted as stored: trimmed, in Unicode code points (as PostgreSQL counts the column's characters). A control
        // character is refused rather than dropped: the session list shows the name as it is, to people. So are the
        // bidirectional controls (U+202A-U+202E, U+2066-U+2069): they can make "evil" read as "live" in that list.
        RuleFor(c => c.DeviceName!)
            .Cascade(CascadeMode.Stop)
            .Must(name => name.Trim().EnumerateRunes().Count() <= Session.MaxDeviceNameLength)
            .WithMessage($"Device name must be at most {Session.MaxDeviceNameLength} characters.")
            .Must(name => !name.Any(IsControl)).WithMessage("Device name must not contain control characters.")
            .When(c => c.DeviceName is not null);
        // Ours are 43 characters; anything much longer is refused before it is hashed or looked up, as a refresh token is.
        RuleFor(c => c.DeviceToken!)
            .MaximumLength(MaxDeviceTokenLength).WithMessage($"Device token must be at most {MaxDeviceTokenLength} characters.")
            .When(c => c.DeviceToken is not null);
    }

    private static bool IsControl(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
