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
}
