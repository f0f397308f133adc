namespace Tikiya.Application.Mfa;

/// <summary>
/// What a presented <c>code</c> is: one field takes either a TOTP code or a recovery code (API.md v1.1), told apart by
/// their shapes, six digits or not. People paste codes with spaces and dashes ("123 456"), so those are looked through.
/// </summary>
internal static class MfaCodeText
{
    /// <summary>Input longer than this is no code of ours; refused before anything is hashed.</summary>
    public const int MaxLength = 64;

    public static bool IsTotpCode(string code, out string digits)
    {
        ArgumentNullException.ThrowIfNull(code);
        digits = string.Concat(code.Where(c => c is not (' ' or '-')));
        return digits.Length == Domain.Mfa.TotpAuthenticator.Digits && digits.All(char.IsAsciiDigit);
    }
}
