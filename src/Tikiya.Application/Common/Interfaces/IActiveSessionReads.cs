using Tikiya.Domain.Users;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// The reads every authenticated request makes, as queries compiled once, so no request pays for preparing a LINQ
/// query, a visible share of <c>GET /users/me</c> (docs/performance.md). Active means <see cref="Domain.Sessions.Session.ActiveAt"/>,
/// with <c>maxLifetime</c> its absolute lifetime (SESSION_MAX_LIFETIME_SECS).
/// </summary>
public interface IActiveSessionReads
{
    /// <summary>Whether session <paramref name="sessionId"/> of user <paramref name="userId"/> is active at <paramref name="now"/>.</summary>
    Task<bool> IsActiveAsync(Guid sessionId, Guid userId, DateTimeOffset now, TimeSpan maxLifetime, CancellationToken cancellationToken);

    /// <summary>
    /// The user, untracked, with whether their second factor is on, only while session <paramref name="sessionId"/> of
    /// theirs is active; else null.
    /// </summary>
    Task<ActiveAccount?> FindUserOfActiveSessionAsync(Guid userId, Guid sessionId, DateTimeOffset now, TimeSpan maxLifetime,
        CancellationToken cancellationToken);
}
