namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// The secrets of account mails (API.md, "Email, codes and mail"): 6-digit codes, stored as a keyed hash (a plain hash
/// of a million possible codes would be reversed at once from a copy of the table), and link tokens of 256 random
/// bits, stored as their SHA-256.
/// </summary>
public interface IOneTimeCodes
{
    OneTimeSecret NewCode(Guid userId);

    byte[] HashCode(Guid userId, string code);

    OneTimeSecret NewLinkToken();

    byte[] HashLinkToken(string token);
}
