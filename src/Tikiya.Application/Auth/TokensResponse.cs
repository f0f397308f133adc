namespace Tikiya.Application.Auth;

/// <summary>The <c>Tokens</c> body of API.md.</summary>
public sealed record TokensResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken)
{
    public const string BearerTokenType = "Bearer";

    public override string ToString() => nameof(TokensResponse); // never print the tokens
}
