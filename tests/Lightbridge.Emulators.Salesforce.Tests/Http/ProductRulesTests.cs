using System.Net;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

/// <summary>Opportunities, their line items and price books: what an org refuses and what it derives.</summary>
public sealed class ProductRulesTests
{
    private static async Task<JsonNode> FailAsync(TestOrg org, string objectName, JsonObject fields)
    {
        var (status, body, _) = await org.PostAsync($"sobjects/{objectName}", fields);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body?.ToJsonString());
        return body![0]!;
    }

    private static string StandardBook(TestOrg org) =>
        org.Emulator.Control.Query("SELECT Id FROM Pricebook2 WHERE IsStandard = true")["records"]![0]!["Id"]!.ToString();

    private static async Task<(string Product, string Entry)> PricedProductAsync(TestOrg org, string name, decimal price, bool active = true)
    {
        var product = await org.CreateAsync("Product2", new JsonObject { ["Name"] = name, ["IsActive"] = true });
        var entry = await org.CreateAsync("PricebookEntry", new JsonObject
        {
            ["Pricebook2Id"] = StandardBook(org), ["Product2Id"] = product, ["UnitPrice"] = price, ["IsActive"] = active,
        });
        return (product, entry);
    }

    private static Task<string> OpportunityAsync(TestOrg org, decimal? amount = null) =>
        org.CreateAsync("Opportunity", new JsonObject
        {
            ["Name"] = "Sale 1", ["StageName"] = "Closed Won", ["CloseDate"] = "2026-03-01", ["Amount"] = amount,
        });

    private static JsonNode Get(TestOrg org, string soql) => org.Emulator.Control.Query(soql)["records"]![0]!;

    [Test]
    public async Task Reset_EveryOrg_HasOneActiveStandardPricebook()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Control.Reset();

        var books = org.Emulator.Control.Query("SELECT Id, Name, IsActive, IsStandard FROM Pricebook2")["records"]!.AsArray();

        Assert.That(books, Has.Count.EqualTo(1));
        Assert.That(books[0]!["Name"]!.ToString(), Is.EqualTo("Standard Price Book"));
        Assert.That(books[0]!["IsActive"]!.GetValue<bool>(), Is.True);
        Assert.That(books[0]!["IsStandard"]!.GetValue<bool>(), Is.True);
        var write = await FailAsync(org, "Pricebook2", new JsonObject { ["Name"] = "Mine", ["IsStandard"] = true });
        Assert.That(write["errorCode"]!.ToString(), Is.EqualTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
    }

    [Test]
    public async Task CreateEntry_CustomBookBeforeStandardPrice_StandardPriceNotDefined()
    {
        await using var org = await TestOrg.StartAsync();
        var product = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Mug" });
        var custom = await org.CreateAsync("Pricebook2", new JsonObject { ["Name"] = "Wholesale", ["IsActive"] = true });
        var entry = new JsonObject { ["Pricebook2Id"] = custom, ["Product2Id"] = product, ["UnitPrice"] = 8m, ["IsActive"] = true };

        var early = await FailAsync(org, "PricebookEntry", entry);
        await org.CreateAsync("PricebookEntry", new JsonObject { ["Pricebook2Id"] = StandardBook(org), ["Product2Id"] = product, ["UnitPrice"] = 10m, ["IsActive"] = true });
        await org.CreateAsync("PricebookEntry", (JsonObject)entry.DeepClone());
        var again = await FailAsync(org, "PricebookEntry", (JsonObject)entry.DeepClone());

        Assert.Multiple(() =>
        {
            Assert.That(early["errorCode"]!.ToString(), Is.EqualTo("STANDARD_PRICE_NOT_DEFINED"));
            Assert.That(early["message"]!.ToString(), Is.EqualTo("No standard price defined for this product"));
            Assert.That(again["errorCode"]!.ToString(), Is.EqualTo("DUPLICATE_VALUE"));
            Assert.That(again["message"]!.ToString(), Is.EqualTo("This price definition already exists in this price book"));
            Assert.That(Get(org, $"SELECT Name FROM PricebookEntry WHERE Pricebook2Id = '{custom}'")["Name"]!.ToString(), Is.EqualTo("Mug"));
        });
    }

    [Test]
    public async Task CreateEntry_MissingRequired_ListsPricebookProductAndPrice()
    {
        await using var org = await TestOrg.StartAsync();

        var error = await FailAsync(org, "PricebookEntry", new JsonObject { ["IsActive"] = true });

        Assert.That(error["errorCode"]!.ToString(), Is.EqualTo("REQUIRED_FIELD_MISSING"));
        Assert.That(error["fields"]!.AsArray().Select(f => f!.ToString()), Is.EquivalentTo(new[] { "Pricebook2Id", "Product2Id", "UnitPrice" }));
    }

    [Test]
    public async Task CreateOpportunity_MissingRequiredOrUnknownStage_Refused()
    {
        await using var org = await TestOrg.StartAsync();

        var missing = await FailAsync(org, "Opportunity", new JsonObject { ["Amount"] = 5m });
        var stage = await FailAsync(org, "Opportunity", new JsonObject { ["Name"] = "A", ["StageName"] = "Paid", ["CloseDate"] = "2026-03-01" });

        Assert.Multiple(() =>
        {
            Assert.That(missing["errorCode"]!.ToString(), Is.EqualTo("REQUIRED_FIELD_MISSING"));
            Assert.That(missing["fields"]!.AsArray().Select(f => f!.ToString()), Is.EquivalentTo(new[] { "Name", "StageName", "CloseDate" }));
            Assert.That(stage["errorCode"]!.ToString(), Is.EqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
        });
    }

    [Test]
    public async Task CreateLineItem_BothPricesOrNeither_FieldIntegrityException()
    {
        await using var org = await TestOrg.StartAsync();
        var (_, entry) = await PricedProductAsync(org, "Mug", 10m);
        var opportunity = await OpportunityAsync(org);

        var both = await FailAsync(org, "OpportunityLineItem", new JsonObject
        {
            ["OpportunityId"] = opportunity, ["PricebookEntryId"] = entry, ["Quantity"] = 1, ["UnitPrice"] = 10m, ["TotalPrice"] = 10m,
        });
        var neither = await FailAsync(org, "OpportunityLineItem", new JsonObject { ["OpportunityId"] = opportunity, ["PricebookEntryId"] = entry, ["Quantity"] = 1 });
        var zero = await FailAsync(org, "OpportunityLineItem", new JsonObject
        {
            ["OpportunityId"] = opportunity, ["PricebookEntryId"] = entry, ["Quantity"] = 0, ["TotalPrice"] = 10m,
        });

        Assert.Multiple(() =>
        {
            Assert.That(both["errorCode"]!.ToString(), Is.EqualTo("FIELD_INTEGRITY_EXCEPTION"));
            Assert.That(both["message"]!.ToString(), Does.Contain("cannot specify both unit price and total price"));
            Assert.That(neither["errorCode"]!.ToString(), Is.EqualTo("FIELD_INTEGRITY_EXCEPTION"));
            Assert.That(zero["fields"]![0]!.ToString(), Is.EqualTo("Quantity"));
        });
    }

    [Test]
    public async Task CreateLineItem_NoEntryInactiveEntryOrOtherBook_FieldIntegrityException()
    {
        await using var org = await TestOrg.StartAsync();
        var (product, entry) = await PricedProductAsync(org, "Mug", 10m);
        var (_, inactive) = await PricedProductAsync(org, "Old mug", 4m, active: false);
        var custom = await org.CreateAsync("Pricebook2", new JsonObject { ["Name"] = "Wholesale", ["IsActive"] = true });
        var customEntry = await org.CreateAsync("PricebookEntry", new JsonObject { ["Pricebook2Id"] = custom, ["Product2Id"] = product, ["UnitPrice"] = 8m, ["IsActive"] = true });
        var opportunity = await OpportunityAsync(org);
        JsonObject Line(string field, string id) => new() { ["OpportunityId"] = opportunity, [field] = id, ["Quantity"] = 1, ["TotalPrice"] = 10m };

        var noBook = await FailAsync(org, "OpportunityLineItem", Line("Product2Id", product));
        var off = await FailAsync(org, "OpportunityLineItem", Line("PricebookEntryId", inactive));
        await org.CreateAsync("OpportunityLineItem", Line("PricebookEntryId", entry));
        var otherBook = await FailAsync(org, "OpportunityLineItem", Line("PricebookEntryId", customEntry));
        var missing = await FailAsync(org, "OpportunityLineItem", new JsonObject { ["OpportunityId"] = opportunity, ["Quantity"] = 1, ["TotalPrice"] = 1m });

        Assert.Multiple(() =>
        {
            Assert.That(noBook["errorCode"]!.ToString(), Is.EqualTo("FIELD_INTEGRITY_EXCEPTION"), "a product alone needs the opportunity's price book");
            Assert.That(off["message"]!.ToString(), Does.Contain("pricebook entry is inactive"));
            Assert.That(otherBook["message"]!.ToString(), Does.Contain("different pricebook than the one assigned to the opportunity"));
            Assert.That(missing["message"]!.ToString(), Does.Contain("must specify pricebook entry id"));
            Assert.That(missing["fields"]!.AsArray().Select(f => f!.ToString()), Is.EqualTo(new[] { "PricebookEntryId", "unknown" }));
        });
    }

    [Test]
    public async Task CreateLineItems_TotalPrices_AmountIsTheirSumAndBookIsAssigned()
    {
        await using var org = await TestOrg.StartAsync();
        var (product, entry) = await PricedProductAsync(org, "Mug", 10m);
        var (_, other) = await PricedProductAsync(org, "Tee", 20m);
        var opportunity = await OpportunityAsync(org, amount: 999m);

        await org.CreateAsync("OpportunityLineItem", new JsonObject { ["OpportunityId"] = opportunity, ["PricebookEntryId"] = entry, ["Quantity"] = 3, ["TotalPrice"] = 31.5m });
        await org.CreateAsync("OpportunityLineItem", new JsonObject { ["OpportunityId"] = opportunity, ["Product2Id"] = product, ["Quantity"] = -1, ["UnitPrice"] = 10m });
        await org.CreateAsync("OpportunityLineItem", new JsonObject { ["OpportunityId"] = opportunity, ["PricebookEntryId"] = other, ["Quantity"] = 1, ["UnitPrice"] = 20m });
        var (status, _, _) = await org.PatchAsync($"sobjects/Opportunity/{opportunity}", new JsonObject { ["Amount"] = 1m, ["StageName"] = "Closed Lost" });

        var saved = Get(org, $"SELECT Amount, Pricebook2Id, HasOpportunityLineItem, IsClosed, IsWon FROM Opportunity WHERE Id = '{opportunity}'");
        var first = Get(org, $"SELECT UnitPrice, ListPrice, Product2Id, Name FROM OpportunityLineItem WHERE PricebookEntryId = '{entry}' AND Quantity = 3");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(saved["Amount"]!.GetValue<decimal>(), Is.EqualTo(41.5m), "31.50 - 10 + 20; the written Amount is ignored");
            Assert.That(saved["Pricebook2Id"]!.ToString(), Is.EqualTo(StandardBook(org)));
            Assert.That(saved["HasOpportunityLineItem"]!.GetValue<bool>(), Is.True);
            Assert.That(saved["IsClosed"]!.GetValue<bool>(), Is.True);
            Assert.That(saved["IsWon"]!.GetValue<bool>(), Is.False);
            Assert.That(first["UnitPrice"]!.GetValue<decimal>(), Is.EqualTo(10.5m));
            Assert.That(first["ListPrice"]!.GetValue<decimal>(), Is.EqualTo(10m));
            Assert.That(first["Product2Id"]!.ToString(), Is.EqualTo(product));
            Assert.That(first["Name"]!.ToString(), Is.EqualTo("Sale 1 Mug"));
        });
    }

    [Test]
    public async Task UpdateLineItem_SameOpportunityAccepted_OtherOpportunityRefused()
    {
        await using var org = await TestOrg.StartAsync();
        var (_, entry) = await PricedProductAsync(org, "Mug", 10m);
        var opportunity = await OpportunityAsync(org);
        var second = await OpportunityAsync(org);
        var line = await org.CreateAsync("OpportunityLineItem", new JsonObject { ["OpportunityId"] = opportunity, ["PricebookEntryId"] = entry, ["Quantity"] = 1, ["TotalPrice"] = 10m });

        var (same, _, _) = await org.PatchAsync($"sobjects/OpportunityLineItem/{line}", new JsonObject
        {
            ["OpportunityId"] = opportunity, ["PricebookEntryId"] = entry, ["Quantity"] = 2, ["TotalPrice"] = 18m,
        });
        var (moved, body, _) = await org.PatchAsync($"sobjects/OpportunityLineItem/{line}", new JsonObject { ["OpportunityId"] = second });

        Assert.Multiple(() =>
        {
            Assert.That(same, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Get(org, $"SELECT UnitPrice FROM OpportunityLineItem WHERE Id = '{line}'")["UnitPrice"]!.GetValue<decimal>(), Is.EqualTo(9m));
            Assert.That(Get(org, $"SELECT Amount FROM Opportunity WHERE Id = '{opportunity}'")["Amount"]!.GetValue<decimal>(), Is.EqualTo(18m));
            Assert.That(moved, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body![0]!["errorCode"]!.ToString(), Is.EqualTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
        });
    }

    [Test]
    public async Task DeleteOpportunity_WithLineItems_LineItemsGoWithIt()
    {
        await using var org = await TestOrg.StartAsync();
        var (_, entry) = await PricedProductAsync(org, "Mug", 10m);
        var opportunity = await OpportunityAsync(org);
        await org.CreateAsync("OpportunityLineItem", new JsonObject { ["OpportunityId"] = opportunity, ["PricebookEntryId"] = entry, ["Quantity"] = 1, ["TotalPrice"] = 10m });

        var (status, _, _) = await org.DeleteAsync($"sobjects/Opportunity/{opportunity}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(org.Emulator.Control.Query("SELECT Id FROM OpportunityLineItem")["records"]!.AsArray(), Is.Empty);
    }
}
