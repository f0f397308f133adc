namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// The bulkhead in front of Argon2: a handler takes a slot before it hashes or verifies, and gives it back as soon as it
/// is done, so a login flood costs bounded CPU and memory. A slot not had within a short wait is a
/// <see cref="Errors.ServiceOverloadedException"/> (503). Taken before any database lock, so waiters hold no connection.
/// </summary>
public interface IPasswordHashingCapacity
{
    ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);
}
