using Lightbridge.State;

namespace Lightbridge.Cli.Status;

/// <summary>Reads a <see cref="StatusReport"/> out of the state store; no network, no writes.</summary>
internal static class StatusReportBuilder
{
    public static StatusReport Build(StateStore state, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var checkpoints = state.Checkpoints.List()
            .OrderBy(c => c.AccountId, StringComparer.Ordinal).ThenBy(c => c.Entity, StringComparer.Ordinal)
            .Select(c => new CheckpointStatus(c.AccountId, c.Entity, c.Watermark, now - c.Watermark, c.UpdatedAt))
            .ToList();
        var queue = state.ReplayQueue.CountPending()
            .OrderBy(q => q.Entity, StringComparer.Ordinal).ThenBy(q => q.ErrorCode, StringComparer.Ordinal)
            .Select(q => new QueueCountStatus(q.Entity, q.ErrorCode, q.Count))
            .ToList();
        var runs = state.Runs.LastRuns(countPerEntity: 1)
            .OrderBy(r => r.Entity, StringComparer.Ordinal)
            .Select(r => new RunStatusLine(
                r.Entity, r.RunId, r.Trigger.ToString(), r.Status.ToString(), r.StartedAt, r.FinishedAt,
                r.Counts.Read, r.Counts.Created, r.Counts.Updated, r.Counts.Failed, r.Counts.LightspeedRequests, r.Counts.SalesforceCalls))
            .ToList();
        var usage = state.Runs.ApiUsageToday();
        return new StatusReport(
            state.Path,
            now,
            checkpoints,
            state.ReplayQueue.Depth(),
            queue,
            runs,
            new ApiUsageStatus(usage.Day, usage.LightspeedRequests, usage.SalesforceCalls));
    }
}
