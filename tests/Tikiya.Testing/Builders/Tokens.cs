namespace Tikiya.Testing.Builders;

/// <summary>The <c>Tokens</c> body as a client reads it.</summary>
public sealed record Tokens(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);
