using Microsoft.IdentityModel.JsonWebTokens;

namespace Tikiya.Testing.Builders;

/// <summary>The <c>Tokens</c> body as a client reads it; <see cref="DeviceToken"/> from login only (API.md v1.1).</summary>
public sealed record Tokens(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken, string? DeviceToken = null)
{
    /// <summary>The session these tokens belong to: the access token's <c>sid</c>, the <c>id</c> of the session list (API.md).</summary>
    public Guid SessionId => Guid.Parse(new JsonWebToken(AccessToken).GetClaim("sid").Value);
}
