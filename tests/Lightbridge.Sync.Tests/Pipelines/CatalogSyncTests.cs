using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Planning;
using Lightbridge.Emulators.Salesforce.Control;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

/// <summary>
/// The catalog pipelines end to end: a seeded Lightspeed account synced into an emulated org whose schema is the
/// repository's package, with a real LiteDB state file. Expected values come from the Lightspeed API (read through its
/// client) and the org (read through SOQL), never from the sync's own counts.
/// </summary>
[TestFixture]
public sealed class CatalogSyncTests
{
    [Test]
    public async Task RunAsync_FreshOrg_OneRecordPerLightspeedRecordWithInventoryLinked()
    {
        await using var harness = await SyncHarness.StartAsync();

        var results = await harness.Engine().RunCatalogAsync(harness.Account);

        Assert.That(results.Select(r => r.Entity), Is.EqualTo(new[] { SyncEntity.Shop, SyncEntity.Item, SyncEntity.ItemShop }));
        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
        Assert.That(results.SelectMany(r => r.LoadPaths), Is.All.EqualTo(LoadPath.Collections));
        await AssertOrgMatchesLightspeedAsync(harness);
    }

    [Test]
    public async Task RunAsync_SecondRunWithoutChanges_ReadsOnlyTheOverlapAndWritesNothing()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine();
        var first = await engine.RunCatalogAsync(harness.Account);
        var upsertsBefore = harness.OrgCounter("collections.upsert");
        var writesBefore = harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.CollectionsUpsert) + harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.BulkJob);

        var second = await engine.RunCatalogAsync(harness.Account);

        // What the overlap window holds, according to the Lightspeed API: rows changed within OverlapSeconds of the newest.
        var overlap = TimeSpan.FromSeconds(new SyncOptions().OverlapSeconds);
        var expectedReads = new[]
        {
            InWindow((await harness.Reader.GetShopsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync()).Select(s => s.UpdatedAt!.Value).ToList(), overlap),
            InWindow((await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync()).Select(i => i.UpdatedAt!.Value).ToList(), overlap),
            InWindow((await harness.Reader.GetItemShopsAsync().ToListAsync()).Select(s => s.UpdatedAt!.Value).ToList(), overlap),
        };
        Assert.Multiple(() =>
        {
            Assert.That(first.Sum(r => r.Written), Is.GreaterThan(0));
            Assert.That(second.Select(r => r.Read), Is.EqualTo(expectedReads), "the second run reads only the overlap window");
            Assert.That(second.Select(r => r.Written), Is.All.Zero);
            Assert.That(second.Select(r => r.Failed), Is.All.Zero);
            Assert.That(harness.OrgCounter("collections.upsert"), Is.EqualTo(upsertsBefore), "the org saw no upsert");
            Assert.That(
                harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.CollectionsUpsert) + harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.BulkJob),
                Is.EqualTo(writesBefore));
            Assert.That(second.Select(r => r.Watermark), Is.EqualTo(first.Select(r => r.Watermark)));
        });
    }

    [Test]
    public async Task RunAsync_AfterStockChange_WritesOnlyThatItemShopWithItsNewQuantity()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.RunCatalogAsync(harness.Account);
        var row = (await harness.Reader.GetItemShopsAsync().ToListAsync()).First(s => s.ShopId is not null);
        var quantity = harness.Lightspeed.Control.ChangeStock(int.Parse(row.ItemId.Value), int.Parse(row.ShopId!.Value.Value), -3);
        var upsertsBefore = harness.OrgCounter("collections.upsert");

        var results = await engine.RunCatalogAsync(harness.Account);

        var externalId = $"{harness.Lightspeed.AccountId}-{row.Id.Value}";
        var stored = harness.Query($"SELECT Quantity_On_Hand__c FROM Lightspeed_Inventory__c WHERE Lightspeed_Item_Shop_Id__c = '{externalId}'");
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Written), Is.EqualTo(new[] { 0, 0, 1 }));
            Assert.That(results[2].Updated, Is.EqualTo(1));
            Assert.That(harness.OrgCounter("collections.upsert"), Is.EqualTo(upsertsBefore + 1), "one Collections call, for the one row");
            Assert.That(stored.Single()["Quantity_On_Hand__c"]!.GetValue<double>(), Is.EqualTo((double)quantity));
            Assert.That(quantity, Is.EqualTo((int)row.QuantityOnHand - 3));
        });
        await AssertOrgMatchesLightspeedAsync(harness);
    }

    [Test]
    public async Task RunAsync_RowLockedInSalesforce_RecordQueuedAndCheckpointHeldUntilItIsWritten()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.RunCatalogAsync(harness.Account);
        var accountId = harness.Lightspeed.AccountId;
        var before = harness.State.Checkpoints.Get(accountId, "ItemShop")!;
        var row = (await harness.Reader.GetItemShopsAsync().ToListAsync()).First(s => s.ShopId is not null);
        var quantity = harness.Lightspeed.Control.ChangeStock(int.Parse(row.ItemId.Value), int.Parse(row.ShopId!.Value.Value), 5);
        harness.Org.Control.SetFaults(new FaultSettings { LockRowRate = 1.0 });

        var failed = await engine.RunCatalogAsync(harness.Account);

        var queued = harness.State.ReplayQueue.Get(accountId, "ItemShop", row.Id);
        var held = harness.State.Checkpoints.Get(accountId, "ItemShop")!;
        Assert.Multiple(() =>
        {
            Assert.That(failed[2].Status, Is.EqualTo(RunStatus.PartiallyFailed));
            Assert.That((failed[2].Failed, failed[2].Held), Is.EqualTo((1, 1)));
            Assert.That(queued, Is.Not.Null);
            Assert.That(queued!.ErrorCode, Is.EqualTo("UNABLE_TO_LOCK_ROW"));
            Assert.That(queued.Status, Is.EqualTo(ReplayStatus.Open));
            Assert.That(queued.PayloadSnapshot, Does.Contain(row.Id.Value));
            Assert.That(held.Watermark, Is.EqualTo(before.Watermark), "the checkpoint does not pass a row that is not written");
            Assert.That(held.IdsAtWatermark, Does.Not.Contain(row.Id));
        });

        harness.Org.Control.ClearFaults();
        var replayed = await engine.RunCatalogAsync(harness.Account);

        var stored = harness.Query($"SELECT Quantity_On_Hand__c FROM Lightspeed_Inventory__c WHERE Lightspeed_Item_Shop_Id__c = '{accountId}-{row.Id.Value}'");
        var after = harness.State.Checkpoints.Get(accountId, "ItemShop")!;
        Assert.Multiple(() =>
        {
            Assert.That(replayed[2].Written, Is.EqualTo(1));
            Assert.That(replayed[2].Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(harness.State.ReplayQueue.Get(accountId, "ItemShop", row.Id)!.Status, Is.EqualTo(ReplayStatus.Resolved));
            Assert.That(after.Watermark, Is.GreaterThan(before.Watermark));
            Assert.That(after.IdsAtWatermark, Does.Contain(row.Id));
            Assert.That(stored.Single()["Quantity_On_Hand__c"]!.GetValue<double>(), Is.EqualTo((double)quantity));
        });
    }

    [Test]
    public async Task RunAsync_BulkThresholdLowered_LoadsThroughBulkWithTheSameRecords()
    {
        await using var harness = await SyncHarness.StartAsync();

        var results = await harness.Engine(new SyncOptions { BulkThreshold = 10 }).RunCatalogAsync(harness.Account);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
            Assert.That(results[1].LoadPaths, Is.EqualTo(new[] { LoadPath.Bulk }));
            Assert.That(results[2].LoadPaths, Is.EqualTo(new[] { LoadPath.Bulk }));
            Assert.That(harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.BulkUpload), Is.GreaterThanOrEqualTo(2));
            Assert.That(results[1].Created + results[2].Created, Is.EqualTo(results[1].Read + results[2].Read - results[2].Skipped));
        });
        await AssertOrgMatchesLightspeedAsync(harness);
    }

    [Test]
    public async Task RunAsync_SeveralBatches_CommitsAfterEachAndEndsAtTheNewestChange()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine(new SyncOptions { BatchSize = 10, BulkThreshold = 10 });

        var results = await engine.RunCatalogAsync(harness.Account);
        var again = await engine.RunCatalogAsync(harness.Account);

        var newestStock = (await harness.Reader.GetItemShopsAsync().ToListAsync()).Max(s => s.UpdatedAt!.Value);
        Assert.Multiple(() =>
        {
            Assert.That(results[2].LoadPaths, Has.Count.GreaterThan(1), "the stock rows were loaded in several batches");
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
            Assert.That(harness.State.Checkpoints.Get(harness.Lightspeed.AccountId, "ItemShop")!.Watermark, Is.EqualTo(newestStock));
            Assert.That(again.Select(r => r.Written), Is.All.Zero);
        });
        await AssertOrgMatchesLightspeedAsync(harness);
    }

    [Test]
    public async Task RunAsync_StoreRefusedForGood_QueuedWithItsInventoryAndCheckpointPassesIt()
    {
        await using var harness = await SyncHarness.StartAsync();
        var accountId = harness.Lightspeed.AccountId;
        var shop = (await harness.Reader.GetShopsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync()).First();

        // A store an admin created by hand holds the code this shop derives: Store_Code__c is unique, so the org refuses it.
        var code = Core.Normalization.ShopNormalizer.StoreCode(new Core.Identity.ExternalId(new LightspeedId(accountId), shop.Id));
        harness.Org.Control.LoadRecords("Lightspeed_Store__c", [new System.Text.Json.Nodes.JsonObject { ["Name"] = "Manual", ["Store_Code__c"] = code }]);
        var newestShop = (await harness.Reader.GetShopsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync()).Max(s => s.UpdatedAt!.Value);

        var results = await harness.Engine().RunCatalogAsync(harness.Account);

        var stockOfShop = (await harness.Reader.GetItemShopsAsync().ToListAsync()).Count(s => s.ShopId == shop.Id);
        var queued = harness.State.ReplayQueue.Get(accountId, "Shop", shop.Id);
        Assert.Multiple(() =>
        {
            Assert.That(queued?.ErrorCode, Is.EqualTo("DUPLICATE_VALUE"));
            Assert.That((results[0].Status, results[0].Failed, results[0].Held), Is.EqualTo((RunStatus.PartiallyFailed, 1, 0)));
            Assert.That(results[0].Watermark, Is.EqualTo(newestShop), "a failure that needs a fix is queued and does not hold the checkpoint");
            Assert.That(results[2].Failed, Is.EqualTo(stockOfShop), "stock rows of the refused store cannot link to it");
            Assert.That(harness.State.ReplayQueue.CountPendingByEntity()["ItemShop"], Is.EqualTo(stockOfShop));
            Assert.That(harness.State.Runs.LastRuns("Shop", 1).Single().Counts.Failed, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RunAsync_MappingTemplateFailsOnEveryItem_ItemsQueuedNothingWrittenRunGoesOn()
    {
        await using var harness = await SyncHarness.StartAsync();
        var mapping = new Lightbridge.Sync.Mapping.MappingOptions();
        mapping.Overrides["Product2"] = new() { ["IsActive"] = "'maybe'" };

        var results = await harness.Engine(mapping: mapping).RunCatalogAsync(harness.Account);

        var items = await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var queued = harness.State.ReplayQueue.List("Item", pendingOnly: true);
        Assert.Multiple(() =>
        {
            Assert.That(results[1].Failed, Is.EqualTo(items.Count));
            Assert.That(results[1].LoadPaths, Is.Empty, "nothing was sent");
            Assert.That(queued.Select(q => q.ErrorCode).Distinct(), Is.EqualTo(new[] { "MappingFailed" }));
            Assert.That(queued.Select(q => q.Field).Distinct(), Is.EqualTo(new[] { "IsActive" }));
            Assert.That(harness.Query("SELECT Id FROM Product2"), Is.Empty);
            Assert.That(results[0].Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(results[1].Watermark, Is.EqualTo(items.Max(i => i.UpdatedAt)), "queued records do not hold the checkpoint");
        });
    }

    [Test]
    public async Task RunEntityAsync_SalesforceDown_RunLoggedFailedCheckpointUntouchedNextRunCatchesUp()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.RunEntityAsync(SyncEntity.Shop, harness.Account);
        harness.Org.Control.SetFaults(new FaultSettings { ServerErrorRate = 1.0 });

        Assert.That(async () => await engine.RunEntityAsync(SyncEntity.Item, harness.Account), Throws.InstanceOf<SalesforceApiException>());

        var accountId = harness.Lightspeed.AccountId;
        Assert.Multiple(() =>
        {
            Assert.That(harness.State.Runs.LastRuns("Item", 1).Single().Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(harness.State.Checkpoints.Get(accountId, "Item"), Is.Null, "a batch that was not loaded is not committed");
            Assert.That(harness.State.ReplayQueue.Depth(), Is.Zero, "a failed call is not a record failure");
        });

        harness.Org.Control.ClearFaults();
        var results = await engine.RunCatalogAsync(harness.Account);

        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
        await AssertOrgMatchesLightspeedAsync(harness);
    }

    private static int InWindow(IReadOnlyList<DateTimeOffset> stamps, TimeSpan overlap)
    {
        var newest = stamps.Max();
        return stamps.Count(s => s >= newest - overlap);
    }

    /// <summary>
    /// Every shop, item and per-shop stock row the Lightspeed API reports has exactly one record in the org, and every
    /// inventory record points at its own product and store with the quantity Lightspeed holds.
    /// </summary>
    internal static async Task AssertOrgMatchesLightspeedAsync(SyncHarness harness)
    {
        var account = harness.Lightspeed.AccountId;
        var shops = await harness.Reader.GetShopsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var items = await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var stock = (await harness.Reader.GetItemShopsAsync().ToListAsync()).Where(s => s.ShopId is not null).ToList();

        var stores = harness.Query("SELECT Lightspeed_Shop_Id__c FROM Lightspeed_Store__c").Select(r => (string)r["Lightspeed_Shop_Id__c"]!).ToList();
        var products = harness.Query("SELECT Lightspeed_Item_Id__c, IsActive FROM Product2").ToDictionary(r => (string)r["Lightspeed_Item_Id__c"]!, r => (bool)r["IsActive"]!);
        var inventory = harness.Query(
                "SELECT Lightspeed_Item_Shop_Id__c, Product__r.Lightspeed_Item_Id__c, Store__r.Lightspeed_Shop_Id__c, Quantity_On_Hand__c FROM Lightspeed_Inventory__c")
            .ToDictionary(
                r => (string)r["Lightspeed_Item_Shop_Id__c"]!,
                r => ((string?)r["Product__r"]?["Lightspeed_Item_Id__c"], (string?)r["Store__r"]?["Lightspeed_Shop_Id__c"], (decimal)r["Quantity_On_Hand__c"]!.GetValue<double>()));

        Assert.Multiple(() =>
        {
            Assert.That(shops, Is.Not.Empty);
            Assert.That(items, Is.Not.Empty);
            Assert.That(stock, Is.Not.Empty);
            Assert.That(stores, Is.EquivalentTo(shops.Select(s => $"{account}-{s.Id.Value}")));
            Assert.That(products, Is.EquivalentTo(items.ToDictionary(i => $"{account}-{i.Id.Value}", i => !i.Archived)));
            Assert.That(inventory, Is.EquivalentTo(stock.ToDictionary(
                s => $"{account}-{s.Id.Value}",
                s => ((string?)$"{account}-{s.ItemId.Value}", (string?)$"{account}-{s.ShopId!.Value.Value}", s.QuantityOnHand))));
        });
    }
}

/// <summary>The catalog entities only: the engine also runs sales, whose customers these tests do not put in the org.</summary>
internal static class CatalogRuns
{
    /// <summary>
    /// Every entity but customers, in dependency order: for the sale tests, whose harness puts the customers in the org
    /// and links them itself, the way the customer pipeline leaves them.
    /// </summary>
    public static async Task<IReadOnlyList<SyncRunResult>> RunWithoutCustomersAsync(this SyncEngine engine, Core.Normalization.AccountContext account)
    {
        var results = new List<SyncRunResult>();
        foreach (var entity in engine.Entities.Where(e => e != SyncEntity.Customer))
        {
            results.Add(await engine.RunEntityAsync(entity, account));
        }

        return results;
    }

    private static readonly SyncEntity[] Catalog = [SyncEntity.Shop, SyncEntity.Item, SyncEntity.ItemShop];

    /// <summary>Runs Shop, Item and ItemShop in dependency order, as <see cref="SyncEngine.RunAsync"/> runs them.</summary>
    public static async Task<IReadOnlyList<SyncRunResult>> RunCatalogAsync(this SyncEngine engine, Core.Normalization.AccountContext account)
    {
        var results = new List<SyncRunResult>();
        foreach (var entity in Catalog)
        {
            results.Add(await engine.RunEntityAsync(entity, account));
        }

        return results;
    }
}
