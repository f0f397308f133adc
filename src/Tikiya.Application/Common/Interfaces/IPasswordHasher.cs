namespace Tikiya.Application.Common.Interfaces;

/// <summary>Argon2id password hashing; hashes are PHC strings (<c>$argon2id$v=19$m=…,t=…,p=1$salt$hash</c>).</summary>
public interface IPasswordHasher
{
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="password"/> matches; false for a wrong password or a malformed hash.</summary>
    ValueTask<bool> VerifyAsync(string password, string passwordHash, CancellationToken cancellationToken);
}
