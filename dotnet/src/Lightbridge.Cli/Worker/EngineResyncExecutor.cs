using Lightbridge.Core.Failures;
using Lightbridge.State;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// Resyncs through the engine as it is today: an incremental pass of every entity the job's scope covers
/// (All: each entity the engine syncs, in dependency order), triggered as <see cref="RunTrigger.Resync"/>.
/// </summary>
/// <remarks>
/// A job naming one record or a date range is honoured by the pass over its entity, which picks up everything
/// changed since the checkpoint; re-reading exactly that record or window needs an engine entry point that does
/// not exist yet, and belongs here once it does.
/// </remarks>
internal sealed class EngineResyncExecutor : IResyncExecutor
{
    private readonly IEntityRunner _runner;

    public EngineResyncExecutor(IEntityRunner runner)
    {
        _runner = runner;
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
