using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Tests.Pipelines;

namespace Lightbridge.Sync.Tests.Sales;

/// <summary>
/// <c>Mapping:Profile = Opportunity</c> end to end: a seeded Lightspeed account (walk-ins, refunds, voids, misc lines)
/// synced into an emulated org with the repository's package, through the real clients and a real LiteDB file. Sales
/// become Opportunities, lines OpportunityLineItems priced from each product's standard price book entry. Expected values
/// come from the Lightspeed data read through its API; the org is read by SOQL.
/// </summary>
[TestFixture]
public sealed class OpportunityProfileSyncTests
{
    private const string OpportunitySoql =
        "SELECT Lightspeed_Sale_Id__c, Name, StageName, CloseDate, Amount, ContactId, Pricebook2Id, IsWon, Lightspeed_Store__r.Lightspeed_Shop_Id__c FROM Opportunity";

    private const string LineSoql =
        "SELECT Lightspeed_Sale_Line_Id__c, Opportunity.Lightspeed_Sale_Id__c, PricebookEntry.Lightspeed_Item_Id__c, Product2Id, Quantity, TotalPrice FROM OpportunityLineItem";

    [Test]
    public async Task RunAsync_IntoAnEmptyOrg_OneOpportunityPerSaleAndOneProductPerLine()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);

        var results = await Engine(harness).RunWithoutCustomersAsync(harness.Account);

        var expected = await harness.LightspeedSalesAsync();
        var sale = results.Single(r => r.Entity == SyncEntity.Sale);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
            Assert.That(sale.Created, Is.EqualTo(expected.Count));
            Assert.That(harness.State.ReplayQueue.List(pendingOnly: true), Is.Empty);
            Assert.That(expected.Count(s => s.Status == SaleStatus.Voided), Is.GreaterThan(0), "the seed holds voids");
            Assert.That(expected.Count(s => s.IsRefund || s.Lines.Any(l => l.Quantity < 0)), Is.GreaterThan(0), "the seed holds refunds");
            Assert.That(expected.Count(s => s.Lines.Any(l => l.ItemId is null)), Is.GreaterThan(0), "the seed holds misc lines");
            Assert.That(harness.Query("SELECT Id FROM Lightspeed_Sale__c"), Is.Empty, "the profile writes no custom sale objects");
            Assert.That(harness.Query("SELECT Id FROM Lightspeed_Sale_Line__c"), Is.Empty);
            Assert.That(harness.Query("SELECT Id FROM Lightspeed_Payment__c"), Is.Empty, "payments are not written");
        });
        AssertOrgHoldsExactly(harness, expected);
        await AssertStandardPricesAsync(harness);
    }

    [Test]
    public async Task RunAsync_ThroughBulk_WritesTheSameRecords()
    {
        await using var harness = await SaleSyncHarness.StartAsync(sales: 30);
        await harness.LinkCustomersAsync(_ => true);

        var results = await Engine(harness, new SyncOptions { BulkThreshold = 1 }).RunWithoutCustomersAsync(harness.Account);

        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
        Assert.That(harness.OrgCounter("collections.upsert"), Is.Zero, "every load went through Bulk API 2.0");
        AssertOrgHoldsExactly(harness, await harness.LightspeedSalesAsync());
        await AssertStandardPricesAsync(harness);
    }

    [Test]
    public async Task RunAsync_SecondRunAndAFullRereadFromScratch_CreateNothingNew()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = Engine(harness);
        await engine.RunWithoutCustomersAsync(harness.Account);
        var inserts = Inserts(harness);

        var second = await engine.RunWithoutCustomersAsync(harness.Account);
        var afterSecond = Inserts(harness);
        var upsertsAfterSecond = harness.OrgCounter("collections.upsert");

        // Forget every checkpoint and synced id: the next run reads and upserts everything again, as after a lost state file.
        foreach (var entity in new[] { SyncEntity.Shop, SyncEntity.Item, SyncEntity.ItemShop, SyncEntity.Sale })
        {
            harness.State.Checkpoints.Delete(harness.Account.AccountId.Value, entity.ToString());
        }

        var reread = await engine.RunWithoutCustomersAsync(harness.Account);

        var expected = await harness.LightspeedSalesAsync();
        Assert.Multiple(() =>
        {
            Assert.That(second.Single(r => r.Entity == SyncEntity.Sale).Written, Is.Zero);
            Assert.That(afterSecond, Is.EqualTo(inserts), "the second run inserted nothing");
            Assert.That(harness.OrgCounter("collections.upsert"), Is.GreaterThan(upsertsAfterSecond), "the reread did upsert");
            Assert.That(reread.Single(r => r.Entity == SyncEntity.Sale).Updated, Is.EqualTo(expected.Count), "every sale upserted again, in place");
            Assert.That(reread.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
            Assert.That(Inserts(harness), Is.EqualTo(inserts), "re-upserting opportunities, line items and prices inserts nothing");
        });
        AssertOrgHoldsExactly(harness, expected);
    }

    [Test]
    public async Task RunAsync_AfterAVoid_TheOpportunityIsClosedLostWithItsLinesKept()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = Engine(harness);
        await engine.RunWithoutCustomersAsync(harness.Account);
        var victim = (await harness.LightspeedSalesAsync()).First(s => s.Status == SaleStatus.Completed && !s.IsRefund && s.Total > 0);
        var key = $"{harness.Account.AccountId.Value}-{victim.Id.Value}";

        harness.Lightspeed.Control.VoidSale(int.Parse(victim.Id.Value, CultureInfo.InvariantCulture));
        var second = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        var row = harness.Query($"SELECT StageName, IsWon, Amount FROM Opportunity WHERE Lightspeed_Sale_Id__c = '{key}'").Single();
        Assert.Multiple(() =>
        {
            Assert.That(second.Updated, Is.EqualTo(1), "only the voided sale is rewritten");
            Assert.That(second.Created, Is.Zero);
            Assert.That(row["StageName"]!.ToString(), Is.EqualTo("Closed Lost"));
            Assert.That(row["IsWon"]!.GetValue<bool>(), Is.False);
            Assert.That(Number(row["Amount"]), Is.EqualTo(victim.Lines.Sum(l => Money(l.LineTotal))), "a void keeps what was rung up");
        });
        AssertOrgHoldsExactly(harness, await harness.LightspeedSalesAsync());
    }

    [Test]
    public async Task RunAsync_RollupRecords_OpportunityOnesFillContactAndStoreTotalsAndTheSaleOnesAreSkipped()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = Engine(harness);
        await engine.RunWithoutCustomersAsync(harness.Account);
        var victim = (await harness.LightspeedSalesAsync()).First(s => s.Status == SaleStatus.Completed && s.Lines.Count > 0
            && s.CustomerId is { } c && harness.Customers[c].Type == CustomerObjectType.Contact);

        // A void moves the sale to Closed Lost: it drops out of its contact's and its store's totals.
        harness.Lightspeed.Control.VoidSale(int.Parse(victim.Id.Value, CultureInfo.InvariantCulture));
        var results = await engine.RunWithoutCustomersAsync(harness.Account);

        var expected = await harness.LightspeedSalesAsync();
        var account = harness.Account.AccountId.Value;
        var won = expected.Where(s => s.Status != SaleStatus.Voided).ToList();
        var contacts = harness.Query("SELECT Id, Lightspeed_Lifetime_Value__c, Lightspeed_Purchase_Count__c, Lightspeed_Last_Purchase__c FROM Contact")
            .ToDictionary(r => r["Id"]!.ToString());
        var stores = harness.Query("SELECT Lightspeed_Shop_Id__c, Total_Sales__c, Sale_Count__c FROM Lightspeed_Store__c")
            .ToDictionary(r => r["Lightspeed_Shop_Id__c"]!.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
            foreach (var (customerId, (type, id)) in harness.Customers.Where(c => c.Value.Type == CustomerObjectType.Contact))
            {
                var theirs = won.Where(s => s.CustomerId == customerId).ToList();
                Assert.That(Number(contacts[id]["Lightspeed_Lifetime_Value__c"]), Is.EqualTo(theirs.Sum(Amount)), $"lifetime value of customer {customerId}");

                // No opportunity rollup feeds these two (a refund has no flag on Opportunity); the sale ones are skipped.
                Assert.That(contacts[id]["Lightspeed_Purchase_Count__c"], Is.Null);
                Assert.That(contacts[id]["Lightspeed_Last_Purchase__c"], Is.Null);
            }

            foreach (var store in expected.GroupBy(s => s.ShopId!.Value.Value))
            {
                var row = stores[$"{account}-{store.Key}"];
                var storeWon = store.Where(s => s.Status != SaleStatus.Voided).ToList();
                Assert.That(Number(row["Total_Sales__c"]), Is.EqualTo(storeWon.Sum(Amount)), $"total sales of store {store.Key}");
                Assert.That(Number(row["Sale_Count__c"]), Is.EqualTo(storeWon.Count), $"sale count of store {store.Key}");
            }

            Assert.That(contacts[harness.Customers[victim.CustomerId!.Value].Id]["Lightspeed_Lifetime_Value__c"], Is.Not.Null);
        });
    }

    [Test]
    public async Task ReplayAsync_LinesRefusedForAnInactivePrice_SalesQueuedThenResolvedWithoutDuplicates()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = Engine(harness);
        foreach (var entity in new[] { SyncEntity.Shop, SyncEntity.Item, SyncEntity.ItemShop })
        {
            await engine.RunEntityAsync(entity, harness.Account);
        }

        var expected = await harness.LightspeedSalesAsync();
        var item = expected.SelectMany(s => s.Lines).Where(l => l.ItemId is not null).GroupBy(l => l.ItemId!.Value).OrderByDescending(g => g.Count()).First().Key;
        var affected = expected.Where(s => s.Lines.Any(l => l.ItemId == item)).Select(s => s.Id).ToHashSet();
        var entry = harness.Query($"SELECT Id FROM PricebookEntry WHERE Lightspeed_Item_Id__c = '{harness.Account.AccountId.Value}-{item.Value}'").Single()["Id"]!.ToString();

        // An admin deactivates the price: Salesforce refuses every line that sells the item.
        await harness.Writer.UpdateAsync("PricebookEntry", entry, new Dictionary<string, object?> { ["IsActive"] = false });
        var run = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);
        var queued = harness.State.ReplayQueue.List(nameof(SyncEntity.Sale), pendingOnly: true);

        await harness.Writer.UpdateAsync("PricebookEntry", entry, new Dictionary<string, object?> { ["IsActive"] = true });
        var replay = await engine.ReplayAsync(harness.Account);

        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(RunStatus.PartiallyFailed));
            Assert.That(run.Failed, Is.EqualTo(affected.Count));
            Assert.That(queued.Select(q => q.LightspeedId), Is.EquivalentTo(affected), "only the sales with the item wait, the batch went on");
            Assert.That(queued.Select(q => q.ErrorCode), Is.All.EqualTo("FIELD_INTEGRITY_EXCEPTION"));
            Assert.That(queued.Select(q => q.Message), Is.All.Contain("OpportunityLineItem").And.All.Contain("pricebook entry is inactive"));
            Assert.That(replay.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
            Assert.That(harness.State.ReplayQueue.Depth(), Is.Zero);
            Assert.That(harness.OrgCounter("dml.insert.Opportunity"), Is.EqualTo(expected.Count), "each opportunity inserted once");
        });
        AssertOrgHoldsExactly(harness, expected);
    }

    [Test]
    public async Task RunAsync_InactiveStandardPricebook_ItemRunStopsNamingIt()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        var book = harness.Query("SELECT Id FROM Pricebook2 WHERE IsStandard = true").Single()["Id"]!.ToString();
        await harness.Writer.UpdateAsync("Pricebook2", book, new Dictionary<string, object?> { ["IsActive"] = false });

        var engine = Engine(harness);
        await engine.RunEntityAsync(SyncEntity.Shop, harness.Account);
        var e = Assert.ThrowsAsync<Salesforce.SalesforceApiException>(() => engine.RunEntityAsync(SyncEntity.Item, harness.Account));

        Assert.That(e!.Message, Does.Contain("Standard Price Book is inactive"));
        Assert.That(harness.State.Checkpoints.Get(harness.Account.AccountId.Value, nameof(SyncEntity.Item)), Is.Null, "nothing committed");
    }

    private static SyncEngine Engine(SaleSyncHarness harness, SyncOptions? options = null) =>
        new(harness.Reader, harness.Writer, harness.State, new MappingCompiler().Compile(new MappingOptions { Profile = MappingProfile.Opportunity }),
            options ?? new SyncOptions(), TimeProvider.System);

    private static (long Opportunities, long Lines, long Prices) Inserts(SaleSyncHarness harness) =>
        (harness.OrgCounter("dml.insert.Opportunity"), harness.OrgCounter("dml.insert.OpportunityLineItem"), harness.OrgCounter("dml.insert.PricebookEntry"));

    /// <summary>The org holds one opportunity per Lightspeed sale and one line item per line, each with the values the sale says.</summary>
    private static void AssertOrgHoldsExactly(SaleSyncHarness harness, IReadOnlyList<Sale> expected)
    {
        var account = harness.Account.AccountId.Value;
        var standardBook = harness.Query("SELECT Id FROM Pricebook2 WHERE IsStandard = true").Single()["Id"]!.ToString();
        var opportunities = harness.Query(OpportunitySoql).ToDictionary(r => r["Lightspeed_Sale_Id__c"]!.ToString());
        var lines = harness.Query(LineSoql).ToDictionary(r => r["Lightspeed_Sale_Line_Id__c"]!.ToString());
        Assert.That(opportunities.Keys, Is.EquivalentTo(expected.Select(s => $"{account}-{s.Id.Value}")));
        Assert.That(lines.Keys, Is.EquivalentTo(expected.SelectMany(s => s.Lines).Select(l => $"{account}-{l.Id.Value}")));
        Assert.Multiple(() =>
        {
            foreach (var sale in expected)
            {
                var row = opportunities[$"{account}-{sale.Id.Value}"];
                var voided = sale.Status == SaleStatus.Voided;
                Assert.That(row["StageName"]!.ToString(), Is.EqualTo(voided ? "Closed Lost" : "Closed Won"), $"stage of sale {sale.Id}");
                Assert.That(row["IsWon"]!.GetValue<bool>(), Is.EqualTo(!voided));
                Assert.That(row["CloseDate"]!.ToString(), Is.EqualTo(LocalDate(sale)), $"close date of sale {sale.Id}");
                Assert.That(row["Lightspeed_Store__r"]!["Lightspeed_Shop_Id__c"]!.ToString(), Is.EqualTo($"{account}-{sale.ShopId!.Value.Value}"));
                Assert.That(row["Name"]!.ToString(), Does.StartWith(sale.IsRefund || sale.Total < 0 || sale.Lines.Any(l => l.Quantity < 0) ? "Lightspeed refund " : "Lightspeed sale "));

                // Salesforce sums the line items' TotalPrice into Amount: every line's total (tax in, discounts out), which
                // is the sale's total but for the cent each line's own rounding may move it.
                var lineTotal = sale.Lines.Sum(l => Money(l.LineTotal));
                Assert.That(Number(row["Amount"]), Is.EqualTo(sale.Lines.Count > 0 ? lineTotal : Money(sale.Total)), $"amount of sale {sale.Id}");
                Assert.That(Math.Abs(Number(row["Amount"]) - Money(sale.Total)), Is.LessThanOrEqualTo(0.01m * Math.Max(1, sale.Lines.Count)));
                var contact = sale.CustomerId is { } c && harness.Customers[c].Type == CustomerObjectType.Contact ? harness.Customers[c].Id : null;
                Assert.That(Text(row["ContactId"]), Is.EqualTo(contact), $"contact of sale {sale.Id} (Leads and walk-ins have none)");
                if (sale.Lines.Count > 0)
                {
                    Assert.That(row["Pricebook2Id"]!.ToString(), Is.EqualTo(standardBook));
                }

                foreach (var line in sale.Lines)
                {
                    var item = lines[$"{account}-{line.Id.Value}"];
                    Assert.That(item["Opportunity"]!["Lightspeed_Sale_Id__c"]!.ToString(), Is.EqualTo($"{account}-{sale.Id.Value}"));
                    Assert.That(item["PricebookEntry"]!["Lightspeed_Item_Id__c"]!.ToString(), Is.EqualTo($"{account}-{(line.ItemId is { } i ? i.Value : "misc")}"));
                    Assert.That(Number(item["Quantity"]), Is.EqualTo(line.Quantity), $"quantity of line {line.Id}");
                    Assert.That(Number(item["TotalPrice"]), Is.EqualTo(Money(line.LineTotal)), $"total of line {line.Id}");
                }
            }

            // Per store, what the opportunities add up to against what the store's lines add up to in Lightspeed.
            foreach (var store in expected.GroupBy(s => s.ShopId!.Value.Value))
            {
                var amount = opportunities.Values.Where(r => r["Lightspeed_Store__r"]!["Lightspeed_Shop_Id__c"]!.ToString() == $"{account}-{store.Key}").Sum(r => Number(r["Amount"]));
                Assert.That(amount, Is.EqualTo(store.Sum(s => s.Lines.Count > 0 ? s.Lines.Sum(l => Money(l.LineTotal)) : Money(s.Total))), $"amount of store {store.Key}");
            }
        });
    }

    /// <summary>Every item (archived ones too) has one active standard price, at its default price; misc lines have theirs.</summary>
    private static async Task AssertStandardPricesAsync(SaleSyncHarness harness)
    {
        var account = harness.Account.AccountId.Value;
        var items = await harness.Reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var standardBook = harness.Query("SELECT Id FROM Pricebook2 WHERE IsStandard = true").Single()["Id"]!.ToString();
        var entries = harness.Query("SELECT Lightspeed_Item_Id__c, Pricebook2Id, UnitPrice, IsActive, Product2.Lightspeed_Item_Id__c FROM PricebookEntry")
            .ToDictionary(r => r["Lightspeed_Item_Id__c"]!.ToString());
        Assert.That(entries.Keys, Is.EquivalentTo(items.Select(i => $"{account}-{i.Id.Value}").Append($"{account}-misc")));
        Assert.Multiple(() =>
        {
            foreach (var item in items)
            {
                var entry = entries[$"{account}-{item.Id.Value}"];
                Assert.That(Number(entry["UnitPrice"]), Is.EqualTo(Money(item.DefaultPrice ?? 0m)), $"price of item {item.Id}");
                Assert.That(entry["IsActive"]!.GetValue<bool>(), Is.True);
                Assert.That(entry["Pricebook2Id"]!.ToString(), Is.EqualTo(standardBook));
                Assert.That(entry["Product2"]!["Lightspeed_Item_Id__c"]!.ToString(), Is.EqualTo($"{account}-{item.Id.Value}"));
            }

            Assert.That(harness.Query($"SELECT Name FROM Product2 WHERE Lightspeed_Item_Id__c = '{account}-misc'").Single()["Name"]!.ToString(), Is.EqualTo("Miscellaneous (Lightspeed)"));
        });
    }

    private static string LocalDate(Sale sale)
    {
        var instant = sale.CompletedAt ?? sale.CreatedAt!.Value;
        var local = sale.TimeZone is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz) ? TimeZoneInfo.ConvertTime(instant, tz) : instant.ToUniversalTime();
        return local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>What Salesforce makes the opportunity's Amount: its line items' totals summed, or the sale's total without lines.</summary>
    private static decimal Amount(Sale sale) => sale.Lines.Count > 0 ? sale.Lines.Sum(l => Money(l.LineTotal)) : Money(sale.Total);

    // Salesforce stores currency at two places, rounding half away from zero.
    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static decimal Number(JsonNode? node) => node is null ? 0m : decimal.Parse(node.ToString(), CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node) => node?.ToString();
}
