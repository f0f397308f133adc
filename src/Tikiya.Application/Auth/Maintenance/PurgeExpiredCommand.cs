using Mediator;

namespace Tikiya.Application.Auth.Maintenance;

/// <summary>Deletes what can no longer be used, so the tables stay bounded (run by a background job).</summary>
public sealed record PurgeExpiredCommand : ICommand<PurgeResult>;
