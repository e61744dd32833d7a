using System.Text.Json.Nodes;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

/// <summary>
/// <c>lightbridge replay</c> through the engine: queued records read fresh from Lightspeed and pushed through their
/// pipelines, resolved without a second Salesforce record, checkpoints untouched.
/// </summary>
[TestFixture]
public sealed class ReplayTests
{
    [Test]
    public async Task ReplayAsync_AfterTheOrgIsFixed_QueuedStoreAndItsStockResolvedWithoutDuplicates()
    {
        await using var harness = await SyncHarness.StartAsync();
        var accountId = harness.Lightspeed.AccountId;
        var shop = (await harness.Reader.GetShopsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync()).First();
        var code = Core.Normalization.ShopNormalizer.StoreCode(new Core.Identity.ExternalId(new LightspeedId(accountId), shop.Id));
        var manual = harness.Org.Control.LoadRecords("Lightspeed_Store__c", [new JsonObject { ["Name"] = "Manual", ["Store_Code__c"] = code }]).Single();
        var engine = harness.Engine();
        await engine.RunAsync(harness.Account);
        var checkpoints = harness.State.Checkpoints.List().Select(c => (c.Entity, c.Watermark, c.UpdatedAt)).ToList();
        var stockOfShop = (await harness.Reader.GetItemShopsAsync().ToListAsync()).Count(s => s.ShopId == shop.Id);
        var queued = harness.State.ReplayQueue.CountPendingByEntity();
        Assert.That((queued["Shop"], queued["ItemShop"]), Is.EqualTo((1, stockOfShop)), "the store and its stock rows are queued (and its sales)");

        // The admin removes the hand-made store that held the code.
        await harness.Writer.DeleteAsync("Lightspeed_Store__c", manual);
        var results = await engine.ReplayAsync(harness.Account);

        var stores = harness.Query("SELECT Lightspeed_Shop_Id__c FROM Lightspeed_Store__c");
        var shops = await harness.Reader.GetShopsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var inventory = harness.Query("SELECT Lightspeed_Item_Shop_Id__c FROM Lightspeed_Inventory__c");
        var stock = (await harness.Reader.GetItemShopsAsync().ToListAsync()).Count(s => s.ShopId is not null);
        Assert.Multiple(() =>
        {
            Assert.That(results.Take(2).Select(r => (r.Entity, r.Read, r.Failed)), Is.EqualTo(new[] { (SyncEntity.Shop, 1, 0), (SyncEntity.ItemShop, stockOfShop, 0) }));
            Assert.That(results.Select(r => r.Failed), Is.All.Zero, "the store's sales went through after it");
            Assert.That(results.Select(r => harness.State.Runs.Get(r.RunId)!.Trigger), Is.All.EqualTo(RunTrigger.Replay));
            Assert.That(stores, Has.Count.EqualTo(shops.Count), "one store per shop, none twice");
            Assert.That(inventory, Has.Count.EqualTo(stock));
            Assert.That(inventory.Select(r => (string?)r["Lightspeed_Item_Shop_Id__c"]).Distinct().Count(), Is.EqualTo(stock));
            Assert.That(harness.State.ReplayQueue.Depth(), Is.Zero);
            Assert.That(harness.State.ReplayQueue.List().Select(i => i.Status), Is.All.EqualTo(ReplayStatus.Resolved));
            Assert.That(harness.State.Checkpoints.List().Select(c => (c.Entity, c.Watermark, c.UpdatedAt)), Is.EqualTo(checkpoints), "a replay moves no checkpoint");
        });
    }

    [Test]
    public async Task ReplayAsync_StillBroken_StaysQueuedWithOneMoreAttempt()
    {
        await using var harness = await SyncHarness.StartAsync();
        var mapping = new Lightbridge.Sync.Mapping.MappingOptions();
        mapping.Overrides["Product2"] = new() { ["IsActive"] = "'maybe'" };
        var engine = harness.Engine(mapping: mapping);
        await engine.RunEntityAsync(SyncEntity.Shop, harness.Account);
        await engine.RunEntityAsync(SyncEntity.Item, harness.Account);
        var first = harness.State.ReplayQueue.List("Item")[0];

        var results = await engine.ReplayAsync(harness.Account, SyncEntity.Item, first.LightspeedId);

        var after = harness.State.ReplayQueue.Get(first.AccountId, "Item", first.LightspeedId)!;
        Assert.That((results.Single().Read, results.Single().Failed), Is.EqualTo((1, 1)), "only the one id asked for");
        Assert.That((after.Status, after.Attempts), Is.EqualTo((ReplayStatus.Open, 2)));
        Assert.That(harness.Query("SELECT Id FROM Product2"), Is.Empty);
    }

    [Test]
    public async Task ReplayAsync_RecordGoneFromLightspeed_StaysQueuedAsMissing()
    {
        await using var harness = await SyncHarness.StartAsync();
        var accountId = harness.Lightspeed.AccountId;
        harness.State.ReplayQueue.Record(new ReplayFailure(accountId, "Item", new LightspeedId("999999"), "INVALID_FIELD", "Item failed.", null, null, "run-0"));

        var results = await harness.Engine().ReplayAsync(harness.Account, SyncEntity.Item);

        var item = harness.State.ReplayQueue.Get(accountId, "Item", new LightspeedId("999999"))!;
        Assert.That(results.Single().Failed, Is.EqualTo(1));
        Assert.That((item.ErrorCode, item.Status, item.Attempts), Is.EqualTo((EntityPipeline<Item, Core.Normalization.NormalizedItem>.MissingInLightspeed, ReplayStatus.Open, 2)));
    }

    [Test]
    public async Task ReplayAsync_IgnoredItem_NotReplayed()
    {
        await using var harness = await SyncHarness.StartAsync();
        var accountId = harness.Lightspeed.AccountId;
        harness.State.ReplayQueue.Record(new ReplayFailure(accountId, "Item", new LightspeedId("1"), "INVALID_FIELD", "Item failed.", null, null, "run-0"));
        harness.State.ReplayQueue.MarkIgnored(accountId, "Item", new LightspeedId("1"));

        var results = await harness.Engine().ReplayAsync(harness.Account);

        Assert.That(results, Is.Empty);
    }
}
