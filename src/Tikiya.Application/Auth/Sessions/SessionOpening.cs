using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth.Sessions;

/// <summary>
/// What opening a session takes, together: its id and first refresh token (which names it), its lifetimes, the caller
/// it records, the cap on the user's active sessions (SESSION_MAX_PER_USER), the account's <c>login_succeeded</c>
/// event, and the tokens of API.md's answer.
/// </summary>
internal sealed class SessionOpening(IApplicationDbContext db, SessionTokens tokens, ICaller caller, SessionPolicy policy,
    SecurityEventRecorder events)
{
    /// <summary>
    /// Ends the user's least recently used active sessions beyond SESSION_MAX_PER_USER less one, then adds the new
    /// session and its login's event to the context: all in the caller's transaction, saved with its unit of work; the
    /// tokens are for after it commits. The caller holds the account's lock, so two logins of one user never both count
    /// the same room.
    /// </summary>
    /// <param name="user">Whose session it is.</param>
    /// <param name="now">The login's time.</param>
    /// <param name="deviceName">The login's <c>deviceName</c>, validated as input; null when it gave none.</param>
    /// <param name="secondFactor">Whether the login proved the second factor too (<c>amr</c>, for the session's life).</param>
    /// <param name="cancellationToken">The request's.</param>
    public async Task<OpenedSession> OpenAsync(User user, DateTimeOffset now, string? deviceName, bool secondFactor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        // One UPDATE, usually of no row: the newest MaxPerUser - 1 stay, so with the new one there are MaxPerUser.
        var ended = await db.Sessions
            .Where(s => s.UserId == user.Id)
            .Where(Session.ActiveAt(now, policy.MaxLifetime))
            .OrderByDescending(Session.LastUse).ThenByDescending(s => s.Id)
            .Skip(policy.MaxPerUser - 1)
            .RevokeAsync(now, cancellationToken);
        var sessionId = Session.NewId(now);
        var refresh = tokens.Create(sessionId, Session.FirstGeneration);
        db.Sessions.Add(Session.Open(sessionId, user.Id, refresh.Hash, now, tokens.RefreshTokenLifetime, policy.MaxLifetime,
            caller.UserAgent, caller.IpAddress, deviceName, secondFactor));
        if (ended > 0)
        {
            events.Record(user.Id, SecurityEventType.SessionRevoked, now); // the user sees why a device was signed out
        }

        events.Record(user.Id, SecurityEventType.LoginSucceeded, now);
        return new OpenedSession(sessionId, tokens.Issue(user.Id, sessionId, secondFactor, refresh, now));
    }
}
