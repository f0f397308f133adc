namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// Recovery codes (API.md v1.1): random, for people (groups of letters and digits with none that reads as another),
/// stored as a keyed hash over the account and the code. Comparing codes is comparing hashes in the database.
/// </summary>
public interface IRecoveryCodes
{
    /// <summary>A new set of <see cref="Domain.Mfa.RecoveryCode.PerSet"/> for <paramref name="userId"/>: each code and its hash.</summary>
    IReadOnlyList<OneTimeSecret> CreateSet(Guid userId);

    /// <summary>
    /// The hashes <paramref name="presented"/> may be stored under (the current key's, and during a rotation the
    /// previous one's), read as people type it: any case, with or without its dashes or spaces. Empty when it cannot
    /// be a recovery code.
    /// </summary>
    IReadOnlyList<byte[]> HashesOf(Guid userId, string presented);
}
