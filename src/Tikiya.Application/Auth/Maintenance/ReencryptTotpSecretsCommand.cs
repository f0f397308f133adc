using Mediator;

namespace Tikiya.Application.Auth.Maintenance;

/// <summary>
/// Moves the TOTP secrets still under JWT_SECRET_PREVIOUS to JWT_SECRET (run by the background job after the purge), so
/// a rotation ends without waiting for every account to sign in (docs/operations.md, rotating JWT_SECRET).
/// </summary>
/// <param name="BatchSize">Rows read per statement.</param>
public sealed record ReencryptTotpSecretsCommand(int BatchSize = ReencryptTotpSecretsCommand.DefaultBatchSize)
    : ICommand<TotpReencryptionResult>
{
    public const int DefaultBatchSize = 500;
}
