using Mediator;

namespace Tikiya.Application.Users.ChangeEmail;

/// <summary>Body of <c>POST /api/v1/users/me/email</c> (API.md); answered 202, the switch waits for the code.</summary>
public sealed record ChangeEmailCommand(string NewEmail, string Password) : ICommand
{
    public override string ToString() => nameof(ChangeEmailCommand); // never print the password
}
