using Lightbridge.Core.Model;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Planning;
using Lightbridge.State;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// The two bookkeeping steps every pipeline shares, whatever its run loop: the checkpoint commit after a batch and the
/// end of a run in the local run log.
/// </summary>
internal static class RunBookkeeping
{
    /// <summary>
    /// Called after every record of the batch is written or queued, so the checkpoint <paramref name="key"/> never passes
    /// a record that is in neither place (DESIGN "Data flow" step 6).
    /// </summary>
    public static void AdvanceCheckpoint(
        PipelineServices services, string entity, string accountId, string key, RunTally tally, IReadOnlyList<RecordOutcome> outcomes, IReadOnlyDictionary<LightspeedId, long> versions)
    {
        if (CheckpointCommit.Plan(tally.Watermark, outcomes) is not { } update)
        {
            return;
        }

        var version = versions.Count == 0
            ? tally.Version
            : VersionCursor.Advance(tally.Version, outcomes.Where(o => versions.ContainsKey(o.Id)).Select(o => (versions[o.Id], o.IsSettled)));
        var stored = services.State.Checkpoints.Advance(accountId, key, update.Watermark, update.IdsAtWatermark, version);
        tally.CheckpointAdvanced |= update.Advanced || stored.Version != tally.Version;
        tally.Watermark = stored.Watermark;
        tally.Version = stored.Version;
        if (update.HeldBy is { } heldBy)
        {
            Log.CheckpointHeld(services.Logger, entity, stored.Watermark, heldBy);
        }
    }

    /// <summary>Records the end of a run (its counts and the API calls it made) and returns its result.</summary>
    public static SyncRunResult Finish(
        PipelineServices services, SyncEntity entity, string runId, RunStatus status, RunTally tally, long lightspeedBefore, long salesforceBefore)
    {
        var lightspeedRequests = (int)(services.Source.RequestsSent - lightspeedBefore);
        var salesforceCalls = (int)(services.Salesforce.Statistics.TotalApiCalls - salesforceBefore);
        services.State.Runs.Finish(runId, status, new RunCounts(tally.Read, tally.Created, tally.Updated, tally.Failed, lightspeedRequests, salesforceCalls));
        return new SyncRunResult(
            entity, runId, status, tally.Read, tally.Skipped, tally.Created, tally.Updated, tally.Failed, tally.Held,
            tally.LoadPaths.ToList(), tally.Watermark, tally.CheckpointAdvanced, lightspeedRequests, salesforceCalls);
    }
}
