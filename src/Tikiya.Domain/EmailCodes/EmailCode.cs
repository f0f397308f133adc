using System.Linq.Expressions;

namespace Tikiya.Domain.EmailCodes;

/// <summary>
/// The code (and, for verification and reset, the link token) of the newest mail of one purpose for one account
/// (API.md, "Email, codes and mail"). Both are stored only as hashes. One row per account and purpose: a new mail
/// reissues it, which replaces the older code and link at once. It is spent when used, when it expires, or after
/// <see cref="MaxAttempts"/> tries of its code. A try is counted before the code is compared (one atomic UPDATE), so
/// however many arrive at once, no more than that are ever compared.
/// </summary>
public sealed class EmailCode
{
    public const int MaxAttempts = 5;

    private EmailCode() { } // for EF Core

    private EmailCode(Guid userId, EmailCodePurpose purpose, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        Purpose = purpose;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public EmailCodePurpose Purpose { get; private set; }

    /// <summary>Where the mail went, as typed: for an email change, the new address the code proves.</summary>
    public string Address { get; private set; } = "";

    public byte[] CodeHash { get; private set; } = [];

    public byte[]? LinkTokenHash { get; private set; }

    /// <summary>Tries of the code so far, the right one included (counted before the comparison).</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: two reissues racing, the second fails to save.</summary>
    public uint Version { get; private set; }

    public static EmailCode Issue(Guid userId, EmailCodePurpose purpose, string address, byte[] codeHash,
        byte[]? linkTokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        var code = new EmailCode(userId, purpose, now);
        code.Reissue(address, codeHash, linkTokenHash, now, lifetime);
        return code;
    }

    /// <summary>A new mail of the same purpose: the older code and link stop working (API.md: "replaces the older").</summary>
    public void Reissue(string address, byte[] codeHash, byte[]? linkTokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentNullException.ThrowIfNull(codeHash);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        Address = address;
        CodeHash = codeHash;
        LinkTokenHash = linkTokenHash;
        Attempts = 0;
        IssuedAt = now;
        ExpiresAt = now + lifetime;
        UsedAt = null;
    }

    /// <summary>Neither used, nor expired, nor out of tries: its code may be tried, its link used.</summary>
    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt && Attempts < MaxAttempts;

    /// <summary><see cref="IsUsable"/> as a query the database runs (it counts a try atomically).</summary>
    public static Expression<Func<EmailCode, bool>> UsableAt(DateTimeOffset now) =>
        c => c.UsedAt == null && now < c.ExpiresAt && c.Attempts < MaxAttempts;

    /// <summary>
    /// Neither used nor expired: what spending it requires, once its code matched (that try already counted) or its
    /// link was found usable. Spending is one conditional UPDATE, so of two uses racing only one succeeds.
    /// </summary>
    public static Expression<Func<EmailCode, bool>> SpendableAt(DateTimeOffset now) =>
        c => c.UsedAt == null && now < c.ExpiresAt;
}
