using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Auth.Sessions;

/// <summary>
/// A session's tokens, which always come as a pair: the refresh token names the session and its generation (<see
/// cref="IRefreshTokenCodec"/>), and the access token issued beside it carries the session's id as its <c>sid</c> (<see
/// cref="ITokenIssuer"/>). A login's first generation and each refresh's next one are made here, and so is the reading
/// of a presented refresh token, so that opening and rotating a session take one collaborator for their tokens.
/// </summary>
internal sealed class SessionTokens(ITokenIssuer accessTokens, IRefreshTokenCodec refreshTokens)
{
    /// <summary>JWT_REFRESH_TOKEN_TTL_SECS: how far a login or a rotation moves the session's <c>expires_at</c>.</summary>
    public TimeSpan RefreshTokenLifetime => accessTokens.RefreshTokenLifetime;

    /// <inheritdoc cref="IRefreshTokenCodec.Create"/>
    public NewRefreshToken Create(Guid sessionId, long generation) => refreshTokens.Create(sessionId, generation);

    /// <summary>API.md's <c>Tokens</c> answer: an access token of the session beside its new refresh token.</summary>
    public TokensResponse Issue(Guid userId, Guid sessionId, bool secondFactor, NewRefreshToken refreshToken, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(refreshToken);
        return accessTokens.Issue(userId, sessionId, secondFactor, refreshToken.Token, now);
    }

    /// <inheritdoc cref="IRefreshTokenCodec.Read"/>
    public PresentedRefreshToken? Read(string refreshToken) => refreshTokens.Read(refreshToken);
}
