using System.Security.Cryptography;

namespace Tikiya.Domain.EmailCodes;

/// <summary>
/// The code (and, for verification and reset, the link token) of the newest mail of one purpose for one account
/// (API.md, "Email, codes and mail"). Both are stored only as hashes. One row per account and purpose: a new mail
/// reissues it, which replaces the older code and link at once. It is spent when used, when it expires, or after
/// <see cref="MaxFailedAttempts"/> wrong codes.
/// </summary>
public sealed class EmailCode
{
    public const int MaxFailedAttempts = 5;

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

    public int FailedAttempts { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: of two uses (or a use and a wrong try) racing, the second fails to save.</summary>
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
        FailedAttempts = 0;
        IssuedAt = now;
        ExpiresAt = now + lifetime;
        UsedAt = null;
    }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt && FailedAttempts < MaxFailedAttempts;

    /// <summary>
    /// True when the code is usable and <paramref name="presentedCodeHash"/> is its hash (compared in constant time).
    /// A wrong code counts against it, so the fifth spends it, link token included. A right one is not spent yet:
    /// <see cref="MarkUsed"/> does that when the change it allows is saved.
    /// </summary>
    public bool CheckCode(byte[] presentedCodeHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(presentedCodeHash);
        if (!IsUsable(now))
        {
            return false;
        }

        if (CryptographicOperations.FixedTimeEquals(presentedCodeHash, CodeHash))
        {
            return true;
        }

        FailedAttempts++;
        return false;
    }

    public void MarkUsed(DateTimeOffset now)
    {
        if (!IsUsable(now))
        {
            throw new InvalidOperationException("A spent code cannot be used.");
        }

        UsedAt = now;
    }
}
