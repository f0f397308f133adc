namespace Tikiya.Domain.Users;

/// <summary>An account. Its state changes only through its methods (STYLE.md §3).</summary>
public sealed class User
{
    private User() { } // for EF Core

    private User(Guid id, Email email, string passwordHash, DateTimeOffset createdAt)
    {
        Id = id;
        Email = email;
        NormalizedEmail = email.Normalized;
        PasswordHash = passwordHash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Email Email { get; private set; } = null!;

    /// <summary>Kept as a column of its own so the unique index and the login lookup need no function call.</summary>
    public string NormalizedEmail { get; private set; } = "";

    /// <summary>An Argon2id PHC string; never the password.</summary>
    public string PasswordHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the owner proved the address is theirs (a code or link, or a password reset through it).</summary>
    public DateTimeOffset? EmailVerifiedAt { get; private set; }

    public bool EmailVerified => EmailVerifiedAt is not null;

    public static User Register(Email email, string passwordHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        // Version 7: time-ordered, so new rows land at the end of the primary-key index instead of at random pages.
        return new User(Guid.CreateVersion7(now), email, passwordHash, now);
    }

    /// <summary>A new password's hash, or the same password's after a cost increase (see the login handler).</summary>
    public void ChangePasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
    }

    /// <summary>The first proof counts; a later one changes nothing.</summary>
    public void VerifyEmail(DateTimeOffset now) => EmailVerifiedAt ??= now;

    /// <summary>Switches to an address its owner has just proven (the email-change code), so it is verified too.</summary>
    public void ChangeEmail(Email email, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        Email = email;
        NormalizedEmail = email.Normalized;
        EmailVerifiedAt = now;
    }
}
