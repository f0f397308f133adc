namespace Tikiya.Application.Accounts;

/// <summary>
/// How a client presents the code of a mail (API.md: verify-email, reset-password): the link's <c>token</c>, or the
/// <c>email</c> and the <c>code</c>.
/// </summary>
public interface ICodeProof
{
    string? Token { get; }

    string? Email { get; }

    string? Code { get; }
}
