using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth.Sessions;

/// <summary>
/// What opening a session takes, together: its id and first refresh token (which names it), its lifetimes, the caller
/// it records, the account's <c>login_succeeded</c> event, and the tokens of API.md's answer.
/// </summary>
internal sealed class SessionOpening(IApplicationDbContext db, ITokenIssuer tokens, IRefreshTokenCodec refreshTokens, ICaller caller,
    SessionPolicy policy, SecurityEventRecorder events)
{
    /// <summary>Adds the session and its login's event to the context, saved with the caller's unit of work; the tokens are for after it commits.</summary>
    /// <param name="user">Whose session it is.</param>
    /// <param name="now">The login's time.</param>
    /// <param name="deviceName">The login's <c>deviceName</c>, validated as input; null when it gave none.</param>
    public OpenedSession Open(User user, DateTimeOffset now, string? deviceName)
    {
        ArgumentNullException.ThrowIfNull(user);
        var sessionId = Session.NewId(now);
        var refresh = refreshTokens.Create(sessionId, Session.FirstGeneration);
        db.Sessions.Add(Session.Open(sessionId, user.Id, refresh.Hash, now, tokens.RefreshTokenLifetime, policy.MaxLifetime,
            caller.UserAgent, caller.IpAddress, deviceName));
        events.Record(user.Id, SecurityEventType.LoginSucceeded, now);
        return new OpenedSession(sessionId, tokens.Issue(user.Id, sessionId, refresh.Token, now));
    }
}

internal sealed record OpenedSession(Guid Id, TokensResponse Tokens);
