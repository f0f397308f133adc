namespace Tikiya.Application.Auth.Maintenance;

/// <summary>
/// How many TOTP secrets a run moved to the current key, and how many under an earlier key no configured key reads
/// (left as they are: their owners sign in with a recovery code and enrol again).
/// </summary>
public sealed record TotpReencryptionResult(int Reencrypted, int Unreadable);
