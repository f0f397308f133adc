using Mediator;

namespace Tikiya.Application.Users.ChangePassword;

/// <summary>Body of <c>POST /api/v1/users/me/password</c> (API.md); the caller comes from the access token.</summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand
{
    public override string ToString() => nameof(ChangePasswordCommand); // never print the passwords
}
