using Lightbridge.Core.Failures;
using Lightbridge.Core.Planning;
using Lightbridge.State;

namespace Lightbridge.Sync.Pipelines;

/// <summary>What one run of one entity did.</summary>
/// <param name="Entity">The entity.</param>
/// <param name="RunId">The run id (also in the local run log).</param>
/// <param name="Status">How the run ended.</param>
/// <param name="Read">Records read from Lightspeed, overlap re-reads included.</param>
/// <param name="Skipped">
/// Records read but not written: already handled at the checkpoint second, or nothing to write (the all-shops stock row).
/// </param>
/// <param name="Created">Salesforce records created.</param>
/// <param name="Updated">Salesforce records updated.</param>
/// <param name="Failed">Records put in the replay queue (validation, mapping or Salesforce failures).</param>
/// <param name="Held">Of the failed records, those whose failure was transient: they hold the checkpoint back.</param>
/// <param name="LoadPaths">The load paths the run's batches used, in order; empty when nothing was loaded.</param>
/// <param name="Watermark">The checkpoint after the run; null when the entity was never checkpointed.</param>
/// <param name="CheckpointAdvanced">Whether the run moved the checkpoint forward.</param>
/// <param name="LightspeedRequests">
/// Lightspeed requests made during the run: the growth of the client's counter, so work sharing the client at the same
/// time is counted too.
/// </param>
/// <param name="SalesforceCalls">Salesforce API calls made during the run, counted the same way.</param>
public sealed partial record SyncRunResult(
    SyncEntity Entity,
    string RunId,
    RunStatus Status,
    int Read,
    int Skipped,
    int Created,
    int Updated,
    int Failed,
    int Held,
    IReadOnlyList<LoadPath> LoadPaths,
    DateTimeOffset? Watermark,
    bool CheckpointAdvanced,
    int LightspeedRequests,
    int SalesforceCalls)
{
    /// <summary>Records written to Salesforce.</summary>
    public int Written => Created + Updated;
}
