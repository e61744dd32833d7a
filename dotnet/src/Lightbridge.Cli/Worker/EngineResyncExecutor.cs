using Lightbridge.Core.Failures;
using Lightbridge.State;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// Resyncs what a job asks for, as <see cref="RunTrigger.Resync"/> runs: the named record read fresh by id, or every
/// change in the date range, of the scope's entity; a scope with neither (or <c>All</c>) gets an incremental pass of
/// each entity it covers, in dependency order.
/// </summary>
internal sealed class EngineResyncExecutor : IResyncExecutor
{
    private readonly IEntityRunner _runner;
    private readonly IRecordResyncRunner _exact;

    public EngineResyncExecutor(IEntityRunner runner, IRecordResyncRunner exact)
    {
        _runner = runner;
        _exact = exact;
    }

    /// <summary>The entities a scope covers, in the order they run.</summary>
    public static IReadOnlyList<SyncEntity> EntitiesOf(ResyncScope scope, IReadOnlyList<SyncEntity> synced) => scope switch
    {
        ResyncScope.Store => [SyncEntity.Shop],
        ResyncScope.Item => [SyncEntity.Item],
        ResyncScope.Inventory => [SyncEntity.ItemShop],
        ResyncScope.Customer => [SyncEntity.Customer],
        ResyncScope.Sale => [SyncEntity.Sale],
        ResyncScope.All => synced,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "not a resync scope"),
    };

    /// <inheritdoc />
    public async Task ExecuteAsync(ResyncJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var entities = EntitiesOf(job.Request.Scope, _runner.Entities);
        var missing = entities.Where(e => !_runner.Entities.Contains(e)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"this version does not sync {string.Join(", ", missing)} (it syncs {string.Join(", ", _runner.Entities)}).");
        }

        var request = job.Request;
        if (request.Scope != ResyncScope.All && (request.LightspeedId is not null || request.From is not null))
        {
            var ids = request.LightspeedId is { } id ? new[] { id } : null;
            var exact = await _exact.ResyncAsync(entities[0], ids, request.From, request.To, ct).ConfigureAwait(false);
            if (exact.Status == RunStatus.Failed)
            {
                throw new InvalidOperationException($"the {entities[0]} resync {exact.RunId} failed.");
            }

            return;
        }

        foreach (var entity in entities)
        {
            var result = await _runner.RunAsync(entity, RunTrigger.Resync, ct).ConfigureAwait(false);
            if (result.Status == RunStatus.Failed)
            {
                throw new InvalidOperationException($"the {entity} run {result.RunId} failed.");
            }
        }
    }
}
