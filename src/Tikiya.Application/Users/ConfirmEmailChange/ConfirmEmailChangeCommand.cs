using Mediator;

namespace Tikiya.Application.Users.ConfirmEmailChange;

/// <summary>Body of <c>POST /api/v1/users/me/email/confirm</c>: the code mailed to the new address (API.md).</summary>
public sealed record ConfirmEmailChangeCommand(string Code) : ICommand<UserResponse>
{
    public override string ToString() => nameof(ConfirmEmailChangeCommand); // never print the code
}
