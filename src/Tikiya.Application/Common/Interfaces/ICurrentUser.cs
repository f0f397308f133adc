namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// Who is calling an authenticated endpoint, read from the access token at the edge (STYLE.md §7), so commands bound
/// from a body never carry ids a client could set.
/// </summary>
public interface ICurrentUser
{
    Guid UserId { get; }

    /// <summary>The session of the access token (its <c>sid</c>).</summary>
    Guid SessionId { get; }
}
