using Tikiya.Application.Auth;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// Refresh tokens (API.md: opaque, at least 256 random bits, stored only as a hash). Each names its session and
/// generation, so a rotation is one conditional UPDATE of the session's row, and carries a keyed tag, so that naming
/// a session (its id is every access token's <c>sid</c>) is not enough to make one.
/// </summary>
public interface IRefreshTokenCodec
{
    /// <summary>The token of <paramref name="generation"/> of the session, with the hash its row keeps.</summary>
    NewRefreshToken Create(Guid sessionId, long generation);

    /// <summary>
    /// What a presented token is: one of ours whose tag checks out, one issued before tokens named their session, or
    /// (null) nothing we could have issued.
    /// </summary>
    PresentedRefreshToken? Read(string refreshToken);
}
