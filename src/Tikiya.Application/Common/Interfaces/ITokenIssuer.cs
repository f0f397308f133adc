using Tikiya.Application.Auth;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>Access tokens (JWT) and refresh tokens (opaque, stored only as their SHA-256).</summary>
public interface ITokenIssuer
{
    TimeSpan RefreshTokenLifetime { get; }

    /// <summary>At least 256 random bits, with the hash to store.</summary>
    NewRefreshToken NewRefreshToken();

    byte[] HashRefreshToken(string refreshToken);

    /// <summary>The <c>Tokens</c> answer of API.md: an access token for the session and its refresh token.</summary>
    TokensResponse Issue(Guid userId, Guid sessionId, string refreshToken, DateTimeOffset now);
}
