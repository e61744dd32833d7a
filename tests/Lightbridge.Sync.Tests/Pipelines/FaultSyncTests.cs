using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce.Control;

namespace Lightbridge.Sync.Tests.Pipelines;

/// <summary>
/// A full sync through unreliable systems: 10% of Salesforce rows refused with UNABLE_TO_LOCK_ROW and 5% of the requests
/// to each API failing with a server error. The clients retry what is transient, the pipelines queue and hold what is
/// not yet written, and a replay finishes the rest: every record ends up in the org exactly once.
/// </summary>
[TestFixture]
public sealed class FaultSyncTests
{
    [Test]
    public async Task RunThenReplay_LockedRowsAndFailingRequests_EveryRecordPresentExactlyOnce()
    {
        await using var harness = await SyncHarness.StartAsync(
            new LightspeedEmulatorOptions { Seed = 33, Shops = 3, Customers = 10, Items = 200, Sales = 10, Bucket = BucketMode.Off },
            maxTransientRetries: 4);
        harness.Lightspeed.Control.SetFaults(serverErrorRate: 0.05, latency: TimeSpan.Zero, droppedConnectionRate: 0);
        harness.Org.Control.SetFaults(new FaultSettings { LockRowRate = 0.10, ServerErrorRate = 0.05 });
        // Full batches go through Bulk API 2.0, the tail of each entity through Collections: both paths meet the faults.
        var engine = harness.Engine(new Lightbridge.Sync.Pipelines.SyncOptions { BatchSize = 60, BulkThreshold = 50 });

        // What the worker does: a scheduled run, then a replay of what is queued, again on the next schedule until clean. A
        // run that stops on a call that could not go on leaves its checkpoint at the last committed batch; the next resumes.
        var passes = 0;
        var stoppedRuns = 0;
        var clean = false;
        while (!clean && passes < 8)
        {
            passes++;
            var ran = await TryAsync(() => engine.RunAsync(harness.Account));
            var replayed = await TryAsync(() => engine.ReplayAsync(harness.Account));
            stoppedRuns += (ran ? 0 : 1) + (replayed ? 0 : 1);
            clean = ran && replayed && harness.State.ReplayQueue.Depth() == 0;
        }

        harness.Lightspeed.Control.ClearFaults();
        harness.Org.Control.ClearFaults();
        Assert.Multiple(() =>
        {
            Assert.That(harness.OrgCounter("fault.lock"), Is.GreaterThan(0), "rows were really refused");
            Assert.That(clean, Is.True, $"a clean pass within {passes} passes ({stoppedRuns} runs stopped by faults)");
            Assert.That(harness.State.ReplayQueue.Depth(), Is.Zero);
        });
        await CatalogSyncTests.AssertOrgMatchesLightspeedAsync(harness);
    }

    private static async Task<bool> TryAsync(Func<Task> run)
    {
        try
        {
            await run();
            return true;
        }
        catch (Exception ex) when (ex is Salesforce.SalesforceApiException or Lightspeed.LightspeedApiException or HttpRequestException)
        {
            return false;
        }
    }
}
