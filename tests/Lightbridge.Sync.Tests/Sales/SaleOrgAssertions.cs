using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;

namespace Lightbridge.Sync.Tests.Sales;

/// <summary>
/// What the org must hold after a sale sync, computed from the sales read through the Lightspeed API by plain
/// arithmetic that shares no code with the pipeline: records, links, per-store sums and the package's rollups.
/// </summary>
internal static class SaleOrgAssertions
{
    public const string SaleSoql =
        "SELECT Lightspeed_Sale_Id__c, Store__r.Lightspeed_Shop_Id__c, Contact__c, Lead__c, Status__c, Is_Refund__c, Total__c, Tax__c, Sale_Time__c FROM Lightspeed_Sale__c";

    /// <summary>Counts, links and per-store sums of the org against the Lightspeed sales.</summary>
    public static void AssertOrgHoldsExactly(SaleSyncHarness harness, IReadOnlyList<Sale> expected)
    {
        var account = harness.Account.AccountId.Value;
        string Key(LightspeedId id) => $"{account}-{id.Value}";
        var sales = harness.Query(SaleSoql).ToDictionary(r => r["Lightspeed_Sale_Id__c"]!.ToString());
        var lines = harness.Query("SELECT Lightspeed_Sale_Line_Id__c, Sale__r.Lightspeed_Sale_Id__c, Product__r.Lightspeed_Item_Id__c, Original_Line__r.Lightspeed_Sale_Line_Id__c, Quantity__c FROM Lightspeed_Sale_Line__c")
            .ToDictionary(r => r["Lightspeed_Sale_Line_Id__c"]!.ToString());
        var payments = harness.Query("SELECT Lightspeed_Payment_Id__c, Sale__r.Lightspeed_Sale_Id__c, Sale__r.Store__r.Lightspeed_Shop_Id__c, Amount__c FROM Lightspeed_Payment__c");

        var expectedLines = expected.SelectMany(s => s.Lines).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sales.Keys, Is.EquivalentTo(expected.Select(s => Key(s.Id))), "sales");
            Assert.That(lines.Keys, Is.EquivalentTo(expectedLines.Select(l => Key(l.Id))), "lines");
            Assert.That(payments.Select(p => p["Lightspeed_Payment_Id__c"]!.ToString()), Is.EquivalentTo(expected.SelectMany(s => s.Payments).Select(p => Key(p.Id))), "payments");

            foreach (var sale in expected)
            {
                var row = sales[Key(sale.Id)];
                Assert.That(Nested(row, "Store__r", "Lightspeed_Shop_Id__c"), Is.EqualTo(Key(sale.ShopId!.Value)), $"store of sale {sale.Id}");
                Assert.That(row["Status__c"]!.ToString(), Is.EqualTo(sale.Status == SaleStatus.Voided ? "Voided" : "Completed"), $"status of sale {sale.Id}");
                Assert.That(Flag(row["Is_Refund__c"]), Is.EqualTo(sale.Lines.Any(l => l.Quantity < 0) || sale.Total < 0), $"refund flag of sale {sale.Id}");
                var (contact, lead) = (row["Contact__c"]?.ToString(), row["Lead__c"]?.ToString());
                if (sale.CustomerId is { } customer)
                {
                    var link = harness.Customers[customer];
                    Assert.That(link.Type == CustomerObjectType.Contact ? contact : lead, Is.EqualTo(link.Id), $"customer of sale {sale.Id}");
                    Assert.That(link.Type == CustomerObjectType.Contact ? lead : contact, Is.Null);
                }
                else
                {
                    Assert.That(contact ?? lead, Is.Null, $"walk-in sale {sale.Id} has no customer");
                }
            }

            foreach (var line in expectedLines)
            {
                var row = lines[Key(line.Id)];
                Assert.That(Nested(row, "Sale__r", "Lightspeed_Sale_Id__c"), Is.EqualTo(Key(line.SaleId)), $"sale of line {line.Id}");
                Assert.That(Nested(row, "Product__r", "Lightspeed_Item_Id__c"), Is.EqualTo(line.ItemId is { } item ? Key(item) : null), $"product of line {line.Id}");
                Assert.That(Nested(row, "Original_Line__r", "Lightspeed_Sale_Line_Id__c"), Is.EqualTo(line.ParentLineId is { } parent ? Key(parent) : null), $"original of line {line.Id}");
                Assert.That(Number(row["Quantity__c"]), Is.EqualTo(line.Quantity), $"quantity of line {line.Id}");
            }

            // Sums per store: totals, tax and payments, each amount rounded to cents as Salesforce stores currency.
            foreach (var store in expected.GroupBy(s => Key(s.ShopId!.Value)))
            {
                var rows = sales.Values.Where(r => Nested(r, "Store__r", "Lightspeed_Shop_Id__c") == store.Key).ToList();
                Assert.That(rows.Sum(r => Number(r["Total__c"])), Is.EqualTo(store.Sum(s => Money(s.Total))), $"totals of store {store.Key}");
                Assert.That(rows.Sum(r => Number(r["Tax__c"])), Is.EqualTo(store.Sum(s => Money(s.Tax))), $"tax of store {store.Key}");
                Assert.That(
                    payments.Where(p => Nested(p, "Sale__r", "Store__r", "Lightspeed_Shop_Id__c") == store.Key).Sum(p => Number(p["Amount__c"])),
                    Is.EqualTo(store.SelectMany(s => s.Payments).Sum(p => Money(p.Amount))),
                    $"payments of store {store.Key}");
            }
        });
    }

    /// <summary>The package's five rollups, recomputed here by plain arithmetic over the Lightspeed sales.</summary>
    public static void AssertRollups(SaleSyncHarness harness, IReadOnlyList<Sale> expected)
    {
        var account = harness.Account.AccountId.Value;
        var counted = expected.Where(s => s.Status == SaleStatus.Completed).ToList();
        static bool Refund(Sale s) => s.Lines.Any(l => l.Quantity < 0) || s.Total < 0;
        var contacts = harness.Query("SELECT Id, Lightspeed_Lifetime_Value__c, Lightspeed_Purchase_Count__c, Lightspeed_Last_Purchase__c FROM Contact").ToDictionary(r => r["Id"]!.ToString());
        var stores = harness.Query("SELECT Lightspeed_Shop_Id__c, Total_Sales__c, Sale_Count__c FROM Lightspeed_Store__c").ToDictionary(r => r["Lightspeed_Shop_Id__c"]!.ToString());
        Assert.Multiple(() =>
        {
            foreach (var (customer, link) in harness.Customers.Where(c => c.Value.Type == CustomerObjectType.Contact))
            {
                if (!expected.Any(s => s.CustomerId == customer))
                {
                    continue;
                }

                var mine = counted.Where(s => s.CustomerId == customer).ToList();
                var purchases = mine.Where(s => !Refund(s)).ToList();
                var row = contacts[link.Id];
                Assert.That(Number(row["Lightspeed_Lifetime_Value__c"]), Is.EqualTo(mine.Sum(s => Money(s.Total))), $"lifetime value of customer {customer}");
                Assert.That(Number(row["Lightspeed_Purchase_Count__c"]), Is.EqualTo(purchases.Count), $"purchase count of customer {customer}");
                var last = purchases.Count == 0 ? (DateTimeOffset?)null : purchases.Max(s => s.CompletedAt!.Value);
                Assert.That(Instant(row["Lightspeed_Last_Purchase__c"]), Is.EqualTo(last), $"last purchase of customer {customer}");
            }

            foreach (var shop in expected.Select(s => s.ShopId!.Value).Distinct())
            {
                var row = stores[$"{account}-{shop.Value}"];
                var mine = counted.Where(s => s.ShopId == shop).ToList();
                Assert.That(Number(row["Total_Sales__c"]), Is.EqualTo(mine.Sum(s => Money(s.Total))), $"total sales of shop {shop}");
                Assert.That(Number(row["Sale_Count__c"]), Is.EqualTo(mine.Count), $"sale count of shop {shop}");
            }
        });
    }

    public static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal Number(JsonNode? node) => node is null ? 0m : decimal.Parse(node.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool Flag(JsonNode? node) => node is not null && bool.Parse(node.ToString());

    public static DateTimeOffset? Instant(JsonNode? node) =>
        node is null ? null : DateTimeOffset.Parse(node.ToString().Replace("+0000", "+00:00", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    public static string? Nested(JsonObject row, params string[] path)
    {
        JsonNode? node = row;
        foreach (var step in path)
        {
            node = node?[step];
        }

        return node?.ToString();
    }
}
