namespace Tikiya.Domain.Common;

/// <summary>
/// A client's user agent as Tikiya keeps it (a session, a security event, a log line): a header any client writes, so
/// cut to a bound before it is stored or logged.
/// </summary>
public static class UserAgentText
{
    public const int MaxLength = 512;

    // Never cut between the two halves of a surrogate pair: half a character cannot be stored as UTF-8.
    public static string? Truncate(string? userAgent)
    {
        if (userAgent is not { Length: > MaxLength })
        {
            return userAgent;
        }

        var length = char.IsHighSurrogate(userAgent[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return userAgent[..length];
    }
}
