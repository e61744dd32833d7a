using Lightbridge.Core.Failures;
using Lightbridge.Lightspeed;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

/// <summary>
/// A worker told to stop: the run in hand finishes its batch, commits its checkpoint and reads no further; the next
/// run goes on from there.
/// </summary>
[TestFixture]
public sealed class StopAfterBatchTests
{
    [Test]
    public async Task StopAfterBatch_RunEndsAfterTheBatchInHandWithItsCheckpointThenTheNextRunFinishes()
    {
        await using var harness = await SyncHarness.StartAsync();
        var options = new SyncOptions { BatchSize = 10, BulkThreshold = 10 };
        var stopping = harness.Engine(options);
        await stopping.RunEntityAsync(SyncEntity.Shop, harness.Account);
        var items = await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();

        stopping.StopAfterBatch();
        var stopped = await stopping.RunEntityAsync(SyncEntity.Item, harness.Account);

        var tenth = items.Select(i => i.UpdatedAt!.Value).Order().ElementAt(9);
        Assert.Multiple(() =>
        {
            Assert.That((stopped.Read, stopped.Written), Is.EqualTo((10, 10)), "one batch, no more");
            Assert.That(harness.State.Checkpoints.Get(harness.Lightspeed.AccountId, "Item")!.Watermark, Is.LessThanOrEqualTo(tenth));
        });

        var next = await harness.Engine(options).RunEntityAsync(SyncEntity.Item, harness.Account);

        Assert.That(harness.Query("SELECT Id FROM Product2"), Has.Count.EqualTo(items.Count));
        Assert.That(next.Created, Is.EqualTo(items.Count - 10));
    }
}
