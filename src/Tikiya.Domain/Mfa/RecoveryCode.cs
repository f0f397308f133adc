using System.Linq.Expressions;

namespace Tikiya.Domain.Mfa;

/// <summary>
/// One of an account's recovery codes (API.md v1.1): a way in when the authenticator is lost, stored only as a keyed
/// hash and usable once. New codes replace all of the old ones.
/// </summary>
public sealed class RecoveryCode
{
    /// <summary>How many an account gets at once.</summary>
    public const int PerSet = 10;

    private RecoveryCode() { } // for EF Core

    private RecoveryCode(Guid userId, byte[] codeHash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        CodeHash = codeHash;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public byte[] CodeHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was used; a used code lets no one in again.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    public static RecoveryCode Issue(Guid userId, byte[] codeHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        return new RecoveryCode(userId, codeHash, now);
    }

    /// <summary>The unused codes of <paramref name="userId"/>.</summary>
    public static Expression<Func<RecoveryCode, bool>> UnusedOf(Guid userId) => c => c.UserId == userId && c.UsedAt == null;
}
