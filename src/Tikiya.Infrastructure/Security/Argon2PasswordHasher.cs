using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// What every Argon2id adapter shares, computed synchronously on the caller's thread (<see cref="PasswordHasher"/>
/// decides which thread and when): the password's UTF-8 bytes are zeroed after use; a stored hash the adapter cannot
/// parse matches no password instead of failing the request; an unknown user is checked against a dummy hash of the
/// same cost, so both login failures take the same time (API.md).
/// </summary>
internal abstract partial class Argon2PasswordHasher
{
    private readonly IOptions<PasswordHashingOptions> _options;
    private readonly Lazy<string> _dummyHash;

    protected Argon2PasswordHasher(IOptions<PasswordHashingOptions> options)
    {
        _options = options;
        _dummyHash = new Lazy<string>(() => Hash(RandomNumberGenerator.GetBytes(32))); // made at start: PasswordHasherWarmUp
    }

    protected PasswordHashingOptions Settings => _options.Value;

    public string HashPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return Hash(passwordBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    public PasswordVerification VerifyPassword(string password, string? passwordHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            var matches = Verify(passwordHash ?? _dummyHash.Value, passwordBytes);
            return !matches || passwordHash is null ? PasswordVerification.Failed
                : NeedsRehash(passwordHash) ? PasswordVerification.SucceededRehashNeeded
                : PasswordVerification.Succeeded;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
        {
            return PasswordVerification.Failed; // the adapters throw these on a malformed stored hash
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>A PHC string for <paramref name="password"/> with a new random salt and the configured cost.</summary>
    protected abstract string Hash(byte[] password);

    protected abstract bool Verify(string passwordHash, byte[] password);

    // Stronger only: a hash made at a higher cost than the configured one is never weakened.
    private bool NeedsRehash(string passwordHash)
    {
        var cost = PhcCost().Match(passwordHash);
        if (!cost.Success)
        {
            return false; // such a hash matches no password, so no login reaches this
        }

        var memoryKib = int.Parse(cost.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var iterations = int.Parse(cost.Groups["t"].ValueSpan, CultureInfo.InvariantCulture);
        return memoryKib < Settings.MemoryKib || iterations < Settings.Iterations;
    }

    [GeneratedRegex(@"^\$argon2id\$v=19\$m=(?<m>\d{1,9}),t=(?<t>\d{1,9}),p=\d{1,3}\$", RegexOptions.CultureInvariant)]
    private static partial Regex PhcCost();
}
