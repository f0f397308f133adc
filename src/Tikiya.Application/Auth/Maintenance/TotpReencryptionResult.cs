namespace Tikiya.Application.Auth.Maintenance;

/// <summary>
/// How many TOTP secrets a run moved to the current key, and how many under an earlier key no configured key reads
/// (left as they are: their recovery codes are keyed from the same lost secret, so an operator switches the second
/// factor off for them, docs/operations.md).
/// </summary>
public sealed record TotpReencryptionResult(int Reencrypted, int Unreadable);
