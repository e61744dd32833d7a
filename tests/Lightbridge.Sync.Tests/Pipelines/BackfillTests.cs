using Lightbridge.Core.Failures;
using Lightbridge.Core.Planning;
using Lightbridge.Lightspeed;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

/// <summary>
/// <c>lightbridge backfill</c> through the engine: a window of history through Bulk API 2.0, batch by batch with its own
/// checkpoint, resumable after an interruption, the incremental checkpoint untouched.
/// </summary>
[TestFixture]
public sealed class BackfillTests
{
    private static readonly SyncOptions SmallBatches = new() { BatchSize = 10, BulkThreshold = 10 };

    [Test]
    public async Task BackfillAsync_WholeHistory_EveryItemThroughBulkIncrementalCheckpointUntouched()
    {
        await using var harness = await SyncHarness.StartAsync();
        var items = await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var (from, to) = (items.Min(i => i.UpdatedAt!.Value), items.Max(i => i.UpdatedAt!.Value).AddSeconds(1));
        var progress = new List<BackfillProgress>();

        var result = await harness.Engine(SmallBatches).BackfillAsync(SyncEntity.Item, harness.Account, from, to, new SyncProgress<BackfillProgress>(progress.Add));

        var accountId = harness.Lightspeed.AccountId;
        Assert.Multiple(() =>
        {
            Assert.That((result.Status, result.Read, result.Created), Is.EqualTo((RunStatus.Succeeded, items.Count, items.Count)));
            Assert.That(result.LoadPaths, Is.All.EqualTo(LoadPath.Bulk), "a backfill loads through Bulk API 2.0 whatever the batch size");
            Assert.That(harness.State.Runs.Get(result.RunId)!.Trigger, Is.EqualTo(RunTrigger.Backfill));
            Assert.That(harness.Query("SELECT Id FROM Product2"), Has.Count.EqualTo(items.Count));
            Assert.That(harness.State.Checkpoints.Get(accountId, "Item"), Is.Null, "the incremental checkpoint is not the backfill's");
            Assert.That(harness.State.Checkpoints.Get(accountId, EntityPipelineKey()), Is.Null, "a finished backfill leaves no checkpoint");
            Assert.That(progress, Has.Count.EqualTo((items.Count + 9) / 10), "one report per batch");
            Assert.That(progress.Select(p => p.Covered), Is.Ordered);
            Assert.That(progress[^1].Read, Is.EqualTo(items.Count));
            Assert.That(progress[^1].Covered, Is.GreaterThan(0.9));
        });
    }

    [Test]
    public async Task BackfillAsync_Window_OnlyRecordsChangedInsideIt()
    {
        await using var harness = await SyncHarness.StartAsync();
        var items = await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var stamps = items.Select(i => i.UpdatedAt!.Value).Order().ToList();
        var (from, to) = (stamps[5], stamps[20]);
        var inside = items.Where(i => i.UpdatedAt >= from && i.UpdatedAt < to).Select(i => $"{harness.Lightspeed.AccountId}-{i.Id.Value}").ToList();

        var result = await harness.Engine(SmallBatches).BackfillAsync(SyncEntity.Item, harness.Account, from, to);

        var written = harness.Query("SELECT Lightspeed_Item_Id__c FROM Product2").Select(r => (string?)r["Lightspeed_Item_Id__c"]).ToList();
        Assert.That(result.Read, Is.EqualTo(inside.Count));
        Assert.That(written, Is.EquivalentTo(inside));
    }

    [Test]
    public async Task BackfillAsync_InterruptedAfterTheFirstBatch_RunAgainResumesAndFinishesWithoutDuplicates()
    {
        await using var harness = await SyncHarness.StartAsync();
        var items = await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var (from, to) = (items.Min(i => i.UpdatedAt!.Value), items.Max(i => i.UpdatedAt!.Value).AddSeconds(1));
        var engine = harness.Engine(SmallBatches);
        using var stop = new CancellationTokenSource();

        // The operator presses Ctrl+C once the first batch is in.
        Assert.That(
            async () => await engine.BackfillAsync(SyncEntity.Item, harness.Account, from, to, new SyncProgress<BackfillProgress>(_ => stop.Cancel()), stop.Token),
            Throws.InstanceOf<OperationCanceledException>());
        var saved = harness.State.Checkpoints.Get(harness.Lightspeed.AccountId, EntityPipelineKey());
        Assert.That(saved, Is.Not.Null, "the first batch's progress is kept");

        var resumed = await engine.BackfillAsync(SyncEntity.Item, harness.Account, from, to);

        Assert.That(resumed.Read, Is.LessThan(items.Count), "the second run starts from the saved checkpoint, not from --from");
        Assert.That(harness.Query("SELECT Lightspeed_Item_Id__c FROM Product2").Select(r => (string?)r["Lightspeed_Item_Id__c"]),
            Is.EquivalentTo(items.Select(i => $"{harness.Lightspeed.AccountId}-{i.Id.Value}")));
        Assert.That(harness.State.Checkpoints.Get(harness.Lightspeed.AccountId, EntityPipelineKey()), Is.Null);
    }

    [Test]
    public async Task BackfillAsync_EmptyWindow_Refused()
    {
        await using var harness = await SyncHarness.StartAsync();
        var when = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.That(async () => await harness.Engine().BackfillAsync(SyncEntity.Item, harness.Account, when, when), Throws.ArgumentException.With.Message.Contains("--to"));
    }

    private static string EntityPipelineKey() => EntityPipeline<Core.Model.Item, Core.Normalization.NormalizedItem>.WindowCheckpointKey("Item", RunTrigger.Backfill);

    /// <summary>Reports on the calling thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
