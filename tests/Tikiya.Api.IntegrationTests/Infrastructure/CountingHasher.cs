using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>The app's hasher, counting the passwords it checks.</summary>
internal sealed class CountingHasher(IPasswordHasher inner) : IPasswordHasher
{
    private int _verifications;

    public int Verifications => _verifications;

    public void Reset() => Interlocked.Exchange(ref _verifications, 0);

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) =>
        inner.HashAsync(password, cancellationToken);

    public ValueTask<PasswordVerification> VerifyAsync(string password, string? passwordHash, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _verifications);
        return inner.VerifyAsync(password, passwordHash, cancellationToken);
    }
}
