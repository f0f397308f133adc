namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// Argon2id password hashing; hashes are PHC strings (<c>$argon2id$v=19$m=…,t=…,p=1$salt$hash</c>). The hasher owns its
/// capacity: a hash waits its turn in a bounded queue, and when none comes soon enough it is refused with
/// <see cref="Errors.ServiceOverloadedException"/> (503), so a login flood costs bounded CPU and memory. Callers hold no
/// database connection or lock while they await it.
/// </summary>
public interface IPasswordHasher
{
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="password"/> matches <paramref name="passwordHash"/> (a malformed hash matches nothing).
    /// With no hash (an unknown user) it checks against a dummy hash of the same cost and fails, taking as long as a
    /// real check, so both login failures take the same time (API.md).
    /// </summary>
    ValueTask<PasswordVerification> VerifyAsync(string password, string? passwordHash, CancellationToken cancellationToken);
}
