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
    Task<SyncRunResult> ReplayAsync(AccountContext account, IReadOnlyCollection<Core.Model.LightspeedId> ids, CancellationToken ct);

    /// <summary>Loads every record changed in [<paramref name="from"/>, <paramref name="to"/>) through Bulk API 2.0, resumably.</summary>
    Task<SyncRunResult> BackfillAsync(AccountContext account, DateTimeOffset from, DateTimeOffset to, IProgress<BackfillProgress>? progress, CancellationToken ct);
}
