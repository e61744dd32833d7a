using Lightbridge.Core.Failures;
using Lightbridge.Lightspeed;
using Lightbridge.State;

namespace Lightbridge.Sync.Tests.Pipelines;

/// <summary>
/// What a <c>Lightspeed_Resync_Request__e</c> runs: named records read fresh by id, or a window of changes, through the
/// same pipelines, logged as Resync, with the scheduled runs' checkpoints untouched.
/// </summary>
[TestFixture]
public sealed class ResyncTests
{
    [Test]
    public async Task ResyncAsync_OneItemById_WritesThatItemOnlyAsAResyncRun()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.RunEntityAsync(SyncEntity.Shop, harness.Account);
        var item = (await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync())[3];

        var result = await engine.ResyncAsync(SyncEntity.Item, harness.Account, [item.Id], null, null);

        var products = harness.Query("SELECT Lightspeed_Item_Id__c FROM Product2");
        Assert.Multiple(() =>
        {
            Assert.That((result.Read, result.Created), Is.EqualTo((1, 1)));
            Assert.That(harness.State.Runs.Get(result.RunId)!.Trigger, Is.EqualTo(RunTrigger.Resync));
            Assert.That(products.Select(p => (string?)p["Lightspeed_Item_Id__c"]), Is.EqualTo(new[] { $"{harness.Lightspeed.AccountId}-{item.Id.Value}" }));
            Assert.That(harness.State.Checkpoints.Get(harness.Lightspeed.AccountId, "Item"), Is.Null, "the scheduled run's checkpoint is not the resync's");
        });
    }

    [Test]
    public async Task ResyncAsync_DateRange_WritesTheItemsChangedInsideItAndLeavesNoCheckpoint()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.RunEntityAsync(SyncEntity.Shop, harness.Account);
        var items = await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var stamps = items.Select(i => i.UpdatedAt!.Value).Order().ToList();
        var (from, to) = (stamps[10], stamps[15]);

        var result = await engine.ResyncAsync(SyncEntity.Item, harness.Account, null, from, to);

        var expected = items.Count(i => i.UpdatedAt >= from && i.UpdatedAt < to);
        Assert.That((result.Read, result.Created), Is.EqualTo((expected, expected)));
        Assert.That(harness.State.Checkpoints.List().Select(c => c.Entity), Is.EquivalentTo(new[] { "Shop" }));
    }

    [Test]
    public void ResyncAsync_NeitherIdsNorWindow_Refused()
    {
        Assert.That(async () =>
        {
            await using var harness = await SyncHarness.StartAsync();
            await harness.Engine().ResyncAsync(SyncEntity.Item, harness.Account, [], null, null);
        }, Throws.ArgumentException);
    }
}
