namespace Tikiya.Application.Common.Interfaces;

/// <summary>Argon2id password hashing; hashes are PHC strings (<c>$argon2id$v=19$m=…,t=…,p=1$salt$hash</c>).</summary>
public interface IPasswordHasher
{
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>
    /// True when <paramref name="password"/> matches; false for a wrong password or a malformed hash. With no hash (an
    /// unknown user) it checks against a dummy hash of the same cost and returns false, taking as long as a real check.
    /// </summary>
    ValueTask<bool> VerifyAsync(string password, string? passwordHash, CancellationToken cancellationToken);

    /// <summary>True when the configured cost is stronger than the one <paramref name="passwordHash"/> was made with.</summary>
    bool NeedsRehash(string passwordHash);
}
