using Mediator;
using Tikiya.Application.Accounts;

namespace Tikiya.Application.Auth.ResetPassword;

/// <summary>
/// Body of <c>POST /api/v1/auth/reset-password</c>: the link's token or the address and code, and the new password
/// (API.md). Property names are part of the contract.
/// </summary>
public sealed record ResetPasswordCommand(string? Token, string? Email, string? Code, string NewPassword) : ICommand, ICodeProof
{
    public override string ToString() => nameof(ResetPasswordCommand); // never print the code or the password
}
