using Mediator;
using Tikiya.Application.Accounts;

namespace Tikiya.Application.Auth.VerifyEmail;

/// <summary>
/// Body of <c>POST /api/v1/auth/verify-email</c>: the link's token, or the address and the code of the mail
/// (API.md). Property names are part of the contract.
/// </summary>
public sealed record VerifyEmailCommand(string? Token, string? Email, string? Code) : ICommand, ICodeProof
{
    public override string ToString() => nameof(VerifyEmailCommand); // never print the token or the code
}
