using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Stops a run (as Paused) before a load when the org's API allowance is past <see cref="SyncOptions.PauseAtApiUsage"/>.
/// Called before a load, not after: nothing of the batch is written, so the checkpoint stays where it is. A reading past
/// the threshold may be old (the allowance rolls over, or an admin raised it), so it is refreshed with one
/// <c>/limits</c> call before the run stops on it; a client that stopped calling would otherwise never see it drop.
/// </summary>
internal static class AllowanceGuard
{
    /// <exception cref="RunPausedException">The allowance is spent past the threshold; the pipeline ends the run as Paused.</exception>
    public static async Task PauseIfSpentAsync(SalesforceClient salesforce, SyncOptions options, CancellationToken ct)
    {
        var threshold = options.PauseAtApiUsage;
        if (salesforce.Statistics.LastApiUsage is not { } last || last.HighestFraction < threshold)
        {
            return;
        }

        var limits = await salesforce.GetLimitsAsync(ct).ConfigureAwait(false);
        // The org-wide figure of /limits is current; the header of its response may also carry the per-app share.
        var header = salesforce.Statistics.LastApiUsage;
        var share = limits.DailyApiRequests is { Max: > 0 } daily
            ? Math.Max((double)(daily.Max - daily.Remaining) / daily.Max, header?.PerApp?.Fraction ?? 0)
            : header?.HighestFraction ?? 0;

        if (share >= threshold)
        {
            throw new RunPausedException(share);
        }
    }
}
