using System.Globalization;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Validation;
using Lightbridge.State;
using Lightbridge.Sync.Tests.Pipelines;
using static Lightbridge.Sync.Tests.Sales.SaleOrgAssertions;

namespace Lightbridge.Sync.Tests.Sales;

/// <summary>
/// Sales edited in Lightspeed after they were synced (a line removed, moved to another store or customer) and sales
/// that arrive malformed and are fixed in Lightspeed later: after the next run (or replay) the org must again hold
/// exactly what the Lightspeed API returns, rollups included, old parents too.
/// </summary>
[TestFixture]
public sealed class SaleEditTests
{
    [Test]
    public async Task RunEntityAsync_LineRemovedFromASyncedSale_DeletesItFromTheOrgAndRollupsFollow()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine();
        await engine.RunWithoutCustomersAsync(harness.Account);
        var before = await harness.LightspeedSalesAsync();
        var refunded = before.SelectMany(s => s.Lines).Select(l => l.ParentLineId).OfType<LightspeedId>().ToHashSet();
        var edited = before.First(s => s.Status == SaleStatus.Completed && s.Lines.Count >= 2 && !refunded.Contains(s.Lines[^1].Id) && s.CustomerId is not null);

        var removed = harness.Lightspeed.Control.RemoveSaleLine(Int(edited.Id));
        var run = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        var expected = await harness.LightspeedSalesAsync();
        var key = $"{harness.Account.AccountId.Value}-{removed}";
        Assert.Multiple(() =>
        {
            Assert.That(run.Failed, Is.Zero);
            Assert.That(expected.Single(s => s.Id == edited.Id).Lines, Has.Count.EqualTo(edited.Lines.Count - 1), "Lightspeed lost the line");
            Assert.That(harness.Query($"SELECT Id FROM Lightspeed_Sale_Line__c WHERE Lightspeed_Sale_Line_Id__c = '{key}'"), Is.Empty, "the line left the org");
            Assert.That(harness.State.SyncedRecords.Get("Lightspeed_Sale_Line__c", key), Is.Null, "and the local id map");
        });
        AssertOrgHoldsExactly(harness, expected);
        AssertRollups(harness, expected);
    }

    [Test]
    public async Task RunEntityAsync_SaleMovedToAnotherStoreAndCustomer_RecomputesTheOldParentsRollupsToo()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine();
        await engine.RunWithoutCustomersAsync(harness.Account);
        var before = await harness.LightspeedSalesAsync();
        var moved = before.First(s => s.Status == SaleStatus.Completed && !s.IsRefund && s.Total > 0
            && s.CustomerId is { } c && harness.Customers[c].Type == CustomerObjectType.Contact);
        var oldCustomer = moved.CustomerId!.Value;
        var newCustomer = harness.Customers.First(c => c.Value.Type == CustomerObjectType.Contact && c.Key != oldCustomer).Key;
        var newShop = before.Select(s => s.ShopId!.Value).Distinct().First(s => s != moved.ShopId);

        harness.Lightspeed.Control.MoveSale(Int(moved.Id), Int(newShop), Int(newCustomer));
        var run = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        var expected = await harness.LightspeedSalesAsync();
        var account = harness.Account.AccountId.Value;
        var oldContact = harness.Query($"SELECT Lightspeed_Lifetime_Value__c, Lightspeed_Purchase_Count__c FROM Contact WHERE Id = '{harness.Customers[oldCustomer].Id}'")[0];
        var oldStore = harness.Query($"SELECT Total_Sales__c, Sale_Count__c FROM Lightspeed_Store__c WHERE Lightspeed_Shop_Id__c = '{account}-{moved.ShopId!.Value.Value}'")[0];
        var stillOld = expected.Where(s => s.Status == SaleStatus.Completed && s.CustomerId == oldCustomer).ToList();
        var stillInOldStore = expected.Where(s => s.Status == SaleStatus.Completed && s.ShopId == moved.ShopId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Failed, Is.Zero);
            Assert.That(expected.Single(s => s.Id == moved.Id).ShopId, Is.EqualTo(newShop), "Lightspeed moved the sale");
            Assert.That(Number(oldContact["Lightspeed_Lifetime_Value__c"]), Is.EqualTo(stillOld.Sum(s => Money(s.Total))), "the old customer's lifetime value lost the sale");
            Assert.That(Number(oldContact["Lightspeed_Purchase_Count__c"]), Is.EqualTo(stillOld.Count(s => !s.IsRefund && s.Total >= 0)), "the old customer's purchase count lost the sale");
            Assert.That(Number(oldStore["Total_Sales__c"]), Is.EqualTo(stillInOldStore.Sum(s => Money(s.Total))), "the old store's total lost the sale");
            Assert.That(Number(oldStore["Sale_Count__c"]), Is.EqualTo(stillInOldStore.Count), "the old store's count lost the sale");
        });
        AssertOrgHoldsExactly(harness, expected);
        AssertRollups(harness, expected);
    }

    [Test]
    public async Task ReplayAsync_MalformedSalesFixedInLightspeed_AreQueuedByFieldThenWrittenOnceAndResolved()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var all = await harness.LightspeedSalesAsync();
        var badMoney = all.First(s => s.Status == SaleStatus.Completed && s.Lines.Count > 0);
        var noShop = all.First(s => s.Status == SaleStatus.Completed && s.Id != badMoney.Id);
        var badLine = all.First(s => s.Status == SaleStatus.Completed && s.Lines.Count > 0 && s.Id != badMoney.Id && s.Id != noShop.Id);
        var control = harness.Lightspeed.Control;
        control.SetRawSaleField(Int(badMoney.Id), "calcTotal", "12,50");
        control.SetRawSaleField(Int(noShop.Id), "shopID", "0");
        control.SetRawSaleField(Int(badLine.Id), "unitQuantity", "two", Int(badLine.Lines[0].Id));
        var engine = harness.Engine();

        await engine.RunWithoutCustomersAsync(harness.Account);
        await engine.MirrorAsync();

        var errors = SyncErrors(harness);
        var queued = harness.State.ReplayQueue.List(nameof(SyncEntity.Sale), pendingOnly: true).ToDictionary(i => i.LightspeedId);
        var account = harness.Account.AccountId.Value;
        var inOrg = harness.Query("SELECT Lightspeed_Sale_Id__c FROM Lightspeed_Sale__c").Select(r => r["Lightspeed_Sale_Id__c"]!.ToString()).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(queued.Keys, Is.EquivalentTo(new[] { badMoney.Id, noShop.Id, badLine.Id }), "exactly the broken sales are queued");
            Assert.That((queued[badMoney.Id].ErrorCode, queued[badMoney.Id].Field), Is.EqualTo((ValidationRules.MoneyParses, "calcTotal")));
            Assert.That(queued[badMoney.Id].Message, Does.Contain($"Sale {badMoney.Id}"));
            Assert.That((queued[noShop.Id].ErrorCode, queued[noShop.Id].Field), Is.EqualTo((ValidationRules.SaleNeedsShop, nameof(Sale.ShopId))));
            Assert.That((queued[badLine.Id].ErrorCode, queued[badLine.Id].Field), Is.EqualTo((ValidationRules.MoneyParses, "unitQuantity")));
            Assert.That(queued[badLine.Id].Message, Does.Contain($"SaleLine {badLine.Lines[0].Id}"), "the line is named");
            Assert.That(inOrg, Has.Count.EqualTo(all.Count - 3), "the rest of the batch went on");
            Assert.That(inOrg, Does.Not.Contain($"{account}-{badMoney.Id.Value}"), "no sale with a zero total was loaded");
            Assert.That(errors.Keys, Is.EquivalentTo(new[] { badMoney.Id, noShop.Id, badLine.Id }.Select(i => $"{account}-{i.Value}")), "the admin sees the three in Salesforce");
            Assert.That(errors.Values.Select(e => e.Status), Is.All.EqualTo("Open"));
            Assert.That(errors[$"{account}-{badMoney.Id.Value}"].Code, Is.EqualTo(ValidationRules.MoneyParses));
        });

        control.SetRawSaleField(Int(badMoney.Id), "calcTotal", null);
        control.SetRawSaleField(Int(noShop.Id), "shopID", null);
        control.SetRawSaleField(Int(badLine.Id), "unitQuantity", null, Int(badLine.Lines[0].Id));
        var replayed = await engine.ReplayAsync(harness.Account);
        await engine.MirrorAsync();

        var expected = await harness.LightspeedSalesAsync();
        var items = harness.State.ReplayQueue.List(nameof(SyncEntity.Sale), pendingOnly: false);
        Assert.Multiple(() =>
        {
            Assert.That(replayed.Single().Failed, Is.Zero);
            Assert.That(items.Select(i => i.Status), Is.All.EqualTo(ReplayStatus.Resolved));
            Assert.That(SyncErrors(harness).Values.Select(e => e.Status), Is.EqualTo(new[] { "Resolved", "Resolved", "Resolved" }), "resolved in Salesforce too, not duplicated");
            Assert.That(Number(harness.Query($"SELECT Total__c FROM Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c = '{account}-{badMoney.Id.Value}'")[0]["Total__c"]),
                Is.EqualTo(Money(badMoney.Total)), "the real total once fixed");
        });
        AssertOrgHoldsExactly(harness, expected);
        AssertRollups(harness, expected);
    }

    /// <summary>The sale errors in the org by Lightspeed id: status and code.</summary>
    private static Dictionary<string, (string Status, string Code)> SyncErrors(SaleSyncHarness harness) =>
        harness.Query("SELECT Lightspeed_Id__c, Status__c, Error_Code__c FROM Lightspeed_Sync_Error__c WHERE Entity__c = 'Sale'")
            .ToDictionary(r => r["Lightspeed_Id__c"]!.ToString(), r => (r["Status__c"]!.ToString(), r["Error_Code__c"]!.ToString()));

    private static int Int(LightspeedId id) => int.Parse(id.Value, CultureInfo.InvariantCulture);
}
