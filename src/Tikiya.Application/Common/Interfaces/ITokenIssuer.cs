using Tikiya.Application.Auth;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>Access tokens (JWT) and the <c>Tokens</c> answer; refresh tokens themselves come from <see cref="IRefreshTokenCodec"/>.</summary>
public interface ITokenIssuer
{
    TimeSpan RefreshTokenLifetime { get; }

    /// <summary>
    /// The <c>Tokens</c> answer of API.md: an access token for the session and its refresh token. Its <c>amr</c> is
    /// <c>["pwd"]</c>, or <c>["pwd","otp"]</c> for a session whose login proved the second factor (API.md v1.1).
    /// </summary>
    TokensResponse Issue(Guid userId, Guid sessionId, bool secondFactor, string refreshToken, DateTimeOffset now);
}
