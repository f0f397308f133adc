using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mfa;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Recovery codes: 12 characters from 31 that cannot be read as one another (no 0/o, 1/l/i), in three groups of four
/// (<c>k7qm-x2rt-9fhd</c>): 59 bits each. Stored as HMAC-SHA-256 keyed from <see cref="MfaKeys"/> over the account and the code:
/// with that many bits an offline search would need the key as well as the table, and the check is one indexed
/// comparison, no Argon2. During a rotation the hash under the previous secret is matched too; a new set is always
/// made under the current one.
/// </summary>
internal sealed class RecoveryCodes : IRecoveryCodes
{
    internal const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
    internal const int GroupLength = 4;
    internal const int Groups = 3;
    private static readonly byte[] Purpose = "tikiya/recovery-code/v1"u8.ToArray();

    private readonly byte[] _key;
    private readonly byte[]? _previousKey;

    public RecoveryCodes(IOptions<JwtOptions> jwt, IOptions<MfaOptions> mfa)
    {
        var keys = new MfaKeys(jwt, mfa);
        (_key, _previousKey) = (keys.Current(Purpose), keys.Previous(Purpose));
    }

    public IReadOnlyList<OneTimeSecret> CreateSet(Guid userId)
    {
        var codes = new List<OneTimeSecret>(RecoveryCode.PerSet);
        while (codes.Count < RecoveryCode.PerSet)
        {
            var compact = RandomNumberGenerator.GetString(Alphabet, GroupLength * Groups);
            var hash = Hash(_key, userId, compact);
            if (codes.All(c => !c.Hash.AsSpan().SequenceEqual(hash))) // a repeat in one set is 1 in 2^55: drawn again
            {
                codes.Add(new OneTimeSecret(Grouped(compact), hash));
            }
        }

        return codes;
    }

    public IReadOnlyList<byte[]> HashesOf(Guid userId, string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var compact = string.Concat(presented.Where(c => c is not (' ' or '-'))).ToLowerInvariant();
        if (compact.Length != GroupLength * Groups || !compact.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return [];
        }

        return _previousKey is null ? [Hash(_key, userId, compact)] : [Hash(_key, userId, compact), Hash(_previousKey, userId, compact)];
    }

    private static string Grouped(string compact) =>
        string.Join('-', Enumerable.Range(0, Groups).Select(g => compact.Substring(g * GroupLength, GroupLength)));

    private static byte[] Hash(byte[] key, Guid userId, string compact) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{userId:N}:{compact}"));
}
