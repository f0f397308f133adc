namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// The write of logout-all as one statement and one round trip (raw SQL, so it lives in Infrastructure: EF Core sends
/// an ExecuteUpdate and an ExecuteDelete as two): every session of the user ends (API.md), and its device tokens with
/// them (API.md v1.1). It commits on its own, being one statement.
/// </summary>
public interface ISignOutEverywhere
{
    /// <summary>
    /// Revokes every session of the user not yet ended (as <c>SessionRevocation</c> does) and deletes its device tokens,
    /// together; returns how many sessions it revoked.
    /// </summary>
    Task<int> SignOutEverywhereAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);
}
