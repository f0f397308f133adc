using Mediator;

namespace Tikiya.Application.Users.DeleteAccount;

/// <summary>Body of <c>POST /api/v1/users/me/delete</c>: the password confirms it (API.md).</summary>
public sealed record DeleteAccountCommand(string Password) : ICommand
{
    public override string ToString() => nameof(DeleteAccountCommand); // never print the password
}
