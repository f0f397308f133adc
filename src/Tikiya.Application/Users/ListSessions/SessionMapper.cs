using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Users.ListSessions;

/// <summary>
/// By hand rather than with Mapperly: three of the eight members are not the entity's own (<c>current</c> comes from the
/// caller, <c>expiresAt</c> from the setting, the address is text), and every other member of the entity is a secret
/// or internal state that a generated mapper would have to be told to ignore one by one.
/// </summary>
internal static class SessionMapper
{
    public static SessionResponse ToResponse(this Session session, bool current, TimeSpan maxLifetime) =>
        new(session.Id, session.CreatedAt, session.LastUsedAt, session.EndsAt(maxLifetime), session.IpAddress?.ToString(),
            session.UserAgent, session.DeviceName, current);
}
