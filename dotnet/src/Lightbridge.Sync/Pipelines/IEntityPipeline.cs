using Lightbridge.Core.Failures;
using Lightbridge.Core.Normalization;
using Lightbridge.State;

namespace Lightbridge.Sync.Pipelines;

/// <summary>One entity's pipeline, whatever its record types, so the engine can run them in order.</summary>
internal interface IEntityPipeline
{
    /// <summary>The entity the pipeline moves.</summary>
    SyncEntity Entity { get; }

    /// <summary>Runs one incremental pass for <paramref name="account"/>.</summary>
    Task<SyncRunResult> RunAsync(AccountContext account, RunTrigger trigger, CancellationToken ct);

    /// <summary>Reads <paramref name="ids"/> fresh from Lightspeed and pushes them through the pipeline; the checkpoint stays.</summary>
    Task<SyncRunResult> SyncRecordsAsync(AccountContext account, IReadOnlyCollection<Core.Model.LightspeedId> ids, RunTrigger trigger, CancellationToken ct);

    /// <summary>
    /// Loads every record changed in [<paramref name="from"/>, <paramref name="to"/>), resumably, with a checkpoint of its
    /// own per <paramref name="trigger"/> (Bulk API 2.0 throughout for <see cref="RunTrigger.Backfill"/>).
    /// </summary>
    Task<SyncRunResult> SyncWindowAsync(
        AccountContext account, DateTimeOffset from, DateTimeOffset to, RunTrigger trigger, IProgress<BackfillProgress>? progress, CancellationToken ct);
}
