using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// What both Argon2id adapters share: the password's UTF-8 bytes are zeroed after use, and a stored hash the adapter
/// cannot parse matches no password instead of failing the request.
/// </summary>
internal abstract class Argon2PasswordHasher(IOptions<PasswordHashingOptions> options) : IPasswordHasher
{
    protected PasswordHashingOptions Settings => options.Value;

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        cancellationToken.ThrowIfCancellationRequested();
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return ValueTask.FromResult(Hash(passwordBytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    public ValueTask<bool> VerifyAsync(string password, string passwordHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(passwordHash);
        cancellationToken.ThrowIfCancellationRequested();
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return ValueTask.FromResult(Verify(passwordHash, passwordBytes));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
        {
            return ValueTask.FromResult(false); // the adapters throw these on a malformed stored hash
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>A PHC string for <paramref name="password"/> with a new random salt and the configured cost.</summary>
    protected abstract string Hash(byte[] password);

    protected abstract bool Verify(string passwordHash, byte[] password);
}
