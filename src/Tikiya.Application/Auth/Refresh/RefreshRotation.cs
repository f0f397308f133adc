using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth.Refresh;

/// <summary>
/// The token side of a refresh, together: what a presented refresh token is, its session moved to the next generation
/// under API.md's lifetimes (<see cref="ISessionRotation"/>), the answer's pair of tokens (<see cref="SessionTokens"/>),
/// and which session a replayed token gives away.
/// </summary>
internal sealed class RefreshRotation(ISessionRotation rotations, SessionTokens tokens, SessionPolicy sessions)
{
    /// <inheritdoc cref="SessionTokens.Read"/>
    public PresentedRefreshToken? Read(string refreshToken) => tokens.Read(refreshToken);

    /// <summary>
    /// The refresh's one write, and on the success path its one round trip (API.md: a full new lifetime, but never past
    /// the session's absolute end, which the statement reads from the row's created_at). <c>Tokens</c>, the answer, only
    /// when this refresh rotated the session; <c>Rotation</c> null when there is no such session.
    /// </summary>
    public async Task<(RotationResult? Rotation, TokensResponse? Tokens)> RotateAsync(RotationClaim claim, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var next = tokens.Create(claim.SessionId, claim.Generation + 1);
        var rotation = await rotations.RotateAsync(claim, next.Hash, now, now + tokens.RefreshTokenLifetime, sessions.MaxLifetime,
            cancellationToken);
        return rotation is { Rotated: true }
            ? (rotation, tokens.Issue(rotation.UserId, claim.SessionId, rotation.SecondFactor, next, now))
            : (rotation, null);
    }

    /// <summary>The claim's session while still active, if it had moved past the claimed generation: a replay's session.</summary>
    public IQueryable<Session> ReusedBy(IQueryable<Session> all, RotationClaim claim, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return all.Where(Session.ActiveAt(now, sessions.MaxLifetime)).Where(Session.ReusedBy(claim.SessionId, claim.Generation));
    }
}
