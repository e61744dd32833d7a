using Lightbridge.Core.Model;
using Lightbridge.Emulators.Salesforce.Control;
using Lightbridge.Lightspeed;
using Lightbridge.State;
using Lightbridge.Sync.Tests.Pipelines;

namespace Lightbridge.Sync.Tests.Reporting;

/// <summary>
/// Sync health in Salesforce: runs and queued failures land as <c>Lightspeed_Sync_Run__c</c> and
/// <c>Lightspeed_Sync_Error__c</c> records of the emulated org (the package's schema), and admins' Retry and Ignore come
/// back to the local queue.
/// </summary>
[TestFixture]
public sealed class SalesforceMirrorTests
{
    [Test]
    public async Task MirrorAsync_AfterRuns_OneRunRecordPerEntityRunWithTheLocalCounts()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.RunAsync(harness.Account);

        var report = await engine.MirrorAsync();

        var local = harness.State.Runs.LastRuns(5);
        var mirrored = harness.Query("SELECT Run_Id__c, Entity__c, Trigger__c, Status__c, Records_Read__c, Records_Created__c, Api_Calls__c FROM Lightspeed_Sync_Run__c");
        Assert.Multiple(() =>
        {
            Assert.That(report.Completed, Is.True);
            Assert.That(report.RunsWritten, Is.EqualTo(local.Count));
            Assert.That(mirrored.Select(r => (string?)r["Run_Id__c"]), Is.EquivalentTo(local.Select(r => r.RunId)));
            foreach (var run in local)
            {
                var row = mirrored.Single(r => (string?)r["Run_Id__c"] == run.RunId);
                Assert.That((string?)row["Entity__c"], Is.EqualTo(run.Entity));
                Assert.That((string?)row["Trigger__c"], Is.EqualTo("Manual"));
                Assert.That((string?)row["Status__c"], Is.EqualTo(run.Status.ToString()));
                Assert.That((decimal?)row["Records_Read__c"], Is.EqualTo(run.Counts.Read));
                Assert.That((decimal?)row["Records_Created__c"], Is.EqualTo(run.Counts.Created));
                Assert.That((decimal?)row["Api_Calls__c"], Is.EqualTo(run.Counts.LightspeedRequests + run.Counts.SalesforceCalls));
            }
        });
    }

    [Test]
    public async Task MirrorAsync_NothingNew_WritesNothing()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.RunAsync(harness.Account);
        await engine.MirrorAsync();
        var upserts = harness.OrgCounter("collections.upsert");

        var again = await engine.MirrorAsync();

        Assert.That((again.RunsWritten, again.ErrorsWritten), Is.EqualTo((0, 0)));
        Assert.That(harness.OrgCounter("collections.upsert"), Is.EqualTo(upserts));
    }

    [Test]
    public async Task MirrorAsync_QueuedFailures_OneErrorPerRecordThenResolvedAfterTheFix()
    {
        await using var harness = await SyncHarness.StartAsync();
        var accountId = harness.Lightspeed.AccountId;
        var mapping = new Lightbridge.Sync.Mapping.MappingOptions();
        mapping.Overrides["Product2"] = new() { ["IsActive"] = "'maybe'" };
        var broken = harness.Engine(mapping: mapping);
        await broken.RunEntityAsync(Core.Failures.SyncEntity.Shop, harness.Account);
        await broken.RunEntityAsync(Core.Failures.SyncEntity.Item, harness.Account);

        await broken.MirrorAsync();

        var items = await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var errors = harness.Query("SELECT Error_Key__c, Entity__c, Lightspeed_Id__c, Error_Code__c, Status__c, Attempts__c, Message__c, Run_Id__c FROM Lightspeed_Sync_Error__c");
        var first = items[0];
        var row = errors.Single(e => (string?)e["Error_Key__c"] == $"Item:{accountId}-{first.Id.Value}");
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Count.EqualTo(items.Count), "one error per failing item");
            Assert.That((string?)row["Entity__c"], Is.EqualTo("Item"));
            Assert.That((string?)row["Lightspeed_Id__c"], Is.EqualTo($"{accountId}-{first.Id.Value}"));
            Assert.That((string?)row["Error_Code__c"], Is.EqualTo("MappingFailed"));
            Assert.That((string?)row["Status__c"], Is.EqualTo("Open"));
            Assert.That((decimal?)row["Attempts__c"], Is.EqualTo(1));
            Assert.That((string?)row["Message__c"], Does.Contain("IsActive"));
            Assert.That((string?)row["Run_Id__c"], Is.EqualTo(harness.State.Runs.LastRuns("Item", 1).Single().RunId));
        });

        // The operator fixes the mapping; the items are re-read (a full pass from scratch) and go through.
        harness.State.Checkpoints.Delete(accountId, "Item");
        var fixedEngine = harness.Engine();
        await fixedEngine.RunEntityAsync(Core.Failures.SyncEntity.Item, harness.Account);
        await fixedEngine.MirrorAsync();

        var after = harness.Query("SELECT Status__c FROM Lightspeed_Sync_Error__c");
        Assert.That(after, Has.Count.EqualTo(items.Count), "the same errors, updated: upserted on Error_Key__c");
        Assert.That(after.Select(e => (string?)e["Status__c"]), Is.All.EqualTo("Resolved"));
    }

    [Test]
    public async Task MirrorAsync_AdminClickedRetryAndIgnore_LocalQueueFollows()
    {
        await using var harness = await SyncHarness.StartAsync();
        var accountId = harness.Lightspeed.AccountId;
        var mapping = new Lightbridge.Sync.Mapping.MappingOptions();
        mapping.Overrides["Product2"] = new() { ["IsActive"] = "'maybe'" };
        var engine = harness.Engine(mapping: mapping);
        await engine.RunEntityAsync(Core.Failures.SyncEntity.Shop, harness.Account);
        await engine.RunEntityAsync(Core.Failures.SyncEntity.Item, harness.Account);
        await engine.MirrorAsync();
        var errors = harness.Query("SELECT Id, Error_Key__c FROM Lightspeed_Sync_Error__c ORDER BY Error_Key__c");
        var (retryId, retryKey) = ((string)errors[0]["Id"]!, (string)errors[0]["Error_Key__c"]!);
        var (ignoreId, ignoreKey) = ((string)errors[1]["Id"]!, (string)errors[1]["Error_Key__c"]!);

        // What the Retry quick action and an admin's edit do: set Status__c on the record.
        await harness.Writer.UpdateAsync("Lightspeed_Sync_Error__c", retryId, new Dictionary<string, object?> { ["Status__c"] = "Retrying" });
        await harness.Writer.UpdateAsync("Lightspeed_Sync_Error__c", ignoreId, new Dictionary<string, object?> { ["Status__c"] = "Ignored" });

        var report = await engine.MirrorAsync();

        Assert.That(report.AdminStatusesApplied, Is.EqualTo(2));
        Assert.That(harness.State.ReplayQueue.Get(accountId, "Item", IdOf(retryKey))!.Status, Is.EqualTo(ReplayStatus.Retrying));
        Assert.That(harness.State.ReplayQueue.Get(accountId, "Item", IdOf(ignoreKey))!.Status, Is.EqualTo(ReplayStatus.Ignored));
        Assert.That(report.ErrorsWritten, Is.Zero, "the admin's statuses are not written back");
    }

    [Test]
    public async Task MirrorAsync_SalesforceDown_ReportsIncompleteThenSendsEverythingLater()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.RunEntityAsync(Core.Failures.SyncEntity.Shop, harness.Account);
        harness.Org.Control.SetFaults(new FaultSettings { ServerErrorRate = 1.0 });

        var down = await engine.MirrorAsync();
        harness.Org.Control.ClearFaults();
        var up = await engine.MirrorAsync();

        Assert.That(down.Completed, Is.False);
        Assert.That(up.RunsWritten, Is.EqualTo(1));
        Assert.That(harness.Query("SELECT Run_Id__c FROM Lightspeed_Sync_Run__c"), Has.Count.EqualTo(1));
    }

    private static LightspeedId IdOf(string errorKey) => new(errorKey[(errorKey.LastIndexOf('-') + 1)..]);
}
