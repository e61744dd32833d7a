using Lightbridge.Core.Failures;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Cli.Worker;

/// <summary>Runs one incremental pass of one entity; the seam between the worker's triggers and the sync engine.</summary>
internal interface IEntityRunner
{
    /// <summary>The entities that can run, in dependency order.</summary>
    IReadOnlyList<SyncEntity> Entities { get; }

    /// <summary>Runs one pass of <paramref name="entity"/>, waiting for any run in progress to end first.</summary>
    Task<SyncRunResult> RunAsync(SyncEntity entity, RunTrigger trigger, CancellationToken ct);
}
