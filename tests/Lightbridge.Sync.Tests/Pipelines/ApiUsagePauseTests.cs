using Lightbridge.Core.Failures;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

/// <summary>
/// Pause, not fail, near the org's daily API allowance: the run stops before its next load as Paused, the checkpoint
/// holds, and the next run (once the allowance has room) resumes and finishes.
/// </summary>
[TestFixture]
public sealed class ApiUsagePauseTests
{
    [Test]
    public async Task RunAsync_AllowanceNearlySpent_PausesBeforeTheNextLoadThenResumes()
    {
        await using var harness = await SyncHarness.StartAsync();
        var accountId = harness.Lightspeed.AccountId;
        var engine = harness.Engine(new SyncOptions { PauseAtApiUsage = 0.95 });
        // 96% used: the stores' load still goes out (the client has not seen the usage yet) and reports it.
        harness.Org.Control.SetApiUsage(96_000);

        var paused = await engine.RunAsync(harness.Account);

        Assert.Multiple(() =>
        {
            Assert.That(paused.Select(r => (r.Entity, r.Status)), Is.EqualTo(new[] { (SyncEntity.Shop, RunStatus.Succeeded), (SyncEntity.Item, RunStatus.Paused) }),
                "the pass ends at the paused entity");
            Assert.That(paused[1].Written, Is.Zero);
            Assert.That(harness.State.Checkpoints.Get(accountId, "Item"), Is.Null, "nothing committed past what was written");
            Assert.That(harness.State.Runs.LastRuns("Item", 1).Single().Status, Is.EqualTo(RunStatus.Paused));
            Assert.That(harness.State.ReplayQueue.Depth(), Is.Zero, "a pause queues nothing");
            Assert.That(harness.Query("SELECT Id FROM Product2"), Is.Empty);
        });

        harness.Org.Control.SetApiUsage(1_000);
        var resumed = await engine.RunAsync(harness.Account);

        Assert.That(resumed.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
        await CatalogSyncTests.AssertOrgMatchesLightspeedAsync(harness);
    }
}
