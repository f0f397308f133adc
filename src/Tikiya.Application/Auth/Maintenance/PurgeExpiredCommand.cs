using Mediator;

namespace Tikiya.Application.Auth.Maintenance;

/// <summary>Deletes what can no longer be used, so the tables stay bounded (run by a background job).</summary>
/// <param name="BatchSize">Rows per DELETE statement.</param>
public sealed record PurgeExpiredCommand(int BatchSize = PurgeExpiredCommand.DefaultBatchSize) : ICommand<PurgeResult>
{
    public const int DefaultBatchSize = 1000;
}
