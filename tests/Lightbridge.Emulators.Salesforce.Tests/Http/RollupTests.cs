using System.Net;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class RollupTests
{
    private static async Task<JsonNode> StoreAsync(TestOrg org, string id) => (await org.GetAsync($"sobjects/Store__c/{id}")).Body!;

    [Test]
    public async Task Rollups_RecomputeOnChildInsertUpdateDelete_WithFilter()
    {
        await using var org = await TestOrg.StartAsync();
        var store = await org.CreateStoreAsync();
        var fresh = await StoreAsync(org, store);
        Assert.That((fresh["Sale_Count__c"]!.ToJsonString(), fresh["Total_Sales__c"]!.ToJsonString()), Is.EqualTo(("0.0", "0.0")));
        Assert.That(fresh["Last_Sale__c"], Is.Null);

        var a = await org.CreateAsync("Sale__c", new JsonObject { ["Sale_Id__c"] = "a", ["Store__c"] = store, ["Total__c"] = 10, ["Sale_Time__c"] = "2026-03-01T10:00:00.000+0000" });
        var b = await org.CreateAsync("Sale__c", new JsonObject { ["Sale_Id__c"] = "b", ["Store__c"] = store, ["Total__c"] = 7.25, ["Sale_Time__c"] = "2026-03-02T10:00:00Z" });
        var afterInsert = await StoreAsync(org, store);
        Assert.Multiple(() =>
        {
            Assert.That(afterInsert["Sale_Count__c"]!.GetValue<decimal>(), Is.EqualTo(2m));
            Assert.That(afterInsert["Total_Sales__c"]!.GetValue<decimal>(), Is.EqualTo(17.25m));
            Assert.That(afterInsert["Last_Sale__c"]!.ToString(), Is.EqualTo("2026-03-02T10:00:00.000+0000"));
        });

        await org.PatchAsync($"sobjects/Sale__c/{b}", new JsonObject { ["Status__c"] = "Voided", ["Note__c"] = "mistake" });
        var afterVoid = await StoreAsync(org, store);
        Assert.That(afterVoid["Total_Sales__c"]!.GetValue<decimal>(), Is.EqualTo(10m), "the filter counts Completed sales only");
        Assert.That(afterVoid["Sale_Count__c"]!.GetValue<decimal>(), Is.EqualTo(2m));

        await org.DeleteAsync($"sobjects/Sale__c/{a}");
        var afterDelete = await StoreAsync(org, store);
        Assert.That(afterDelete["Sale_Count__c"]!.GetValue<decimal>(), Is.EqualTo(1m));
        Assert.That(afterDelete["Total_Sales__c"]!.GetValue<decimal>(), Is.EqualTo(0m));
    }

    [Test]
    public async Task MasterDelete_CascadesToDetailsAndGrandchildren()
    {
        await using var org = await TestOrg.StartAsync();
        var store = await org.CreateStoreAsync();
        var sale = await org.CreateAsync("Sale__c", new JsonObject { ["Sale_Id__c"] = "a", ["Store__c"] = store });
        await org.CreateAsync("Line__c", new JsonObject { ["Line_Id__c"] = "l1", ["Sale__c"] = sale });
        await org.CreateAsync("Line__c", new JsonObject { ["Line_Id__c"] = "l2", ["Sale__c"] = sale });
        Assert.That((await org.GetAsync($"sobjects/Sale__c/{sale}")).Body!["Line_Count__c"]!.GetValue<decimal>(), Is.EqualTo(2m));

        var (status, _, _) = await org.DeleteAsync($"sobjects/Store__c/{store}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.Multiple(() =>
        {
            Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Sale__c")["totalSize"]!.GetValue<int>(), Is.Zero);
            Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Line__c")["totalSize"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task LookupParentDelete_ClearsTheLookup()
    {
        await using var org = await TestOrg.StartAsync();
        var store = await org.CreateStoreAsync();
        var contact = await org.CreateAsync("Contact", new JsonObject { ["FirstName"] = "A", ["LastName"] = "B" });
        var sale = await org.CreateAsync("Sale__c", new JsonObject { ["Sale_Id__c"] = "a", ["Store__c"] = store, ["Contact__c"] = contact });
        await org.DeleteAsync($"sobjects/Contact/{contact}");
        var record = (await org.GetAsync($"sobjects/Sale__c/{sale}")).Body!;
        Assert.That(record["Contact__c"], Is.Null);
    }
}
