using System.Text.Json.Nodes;
using static Lightbridge.Salesforce.Tests.EndToEnd.UpsertEndToEndTests;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>sObject Collections upsert through the client against the emulator (reference §2.4).</summary>
[TestFixture]
public sealed class CollectionsEndToEndTests
{
    [Test]
    public async Task UpsertCollectionAsync_450Records_OneCompositeCallOfThreeCollectionsAndResultsJoinedToTheirInput()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var existing = org.LoadStores(100, "C-");
        var client = org.Client();
        var records = Enumerable.Range(0, 450).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"C-{i}"), ("Name", $"Store {i}"))).ToList();

        var results = await client.UpsertCollectionAsync("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", records);

        var stored = org.Control.Query("SELECT Id, Lightspeed_Shop_Id__c FROM Lightspeed_Store__c")["records"]!.AsArray()
            .ToDictionary(r => (string)r!["Lightspeed_Shop_Id__c"]!, r => (string)r!["Id"]!);
        Assert.Multiple(() =>
        {
            Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.Composite), Is.EqualTo(1), "200 + 200 + 50 in one call");
            Assert.That(org.Control.Counters.GetValueOrDefault("composite"), Is.EqualTo(1));
            Assert.That(org.Control.Counters.GetValueOrDefault("collections.upsert"), Is.Zero);
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 450)));
            Assert.That(results.Select(r => r.ExternalId), Is.EqualTo(Enumerable.Range(0, 450).Select(i => $"C-{i}")));
            Assert.That(results.All(r => r.Success), Is.True);
            Assert.That(results.Select(r => r.Id), Is.EqualTo(results.Select(r => stored[r.ExternalId])));
            Assert.That(results.Take(100).Select(r => r.Id), Is.EqualTo(existing));
            Assert.That(results.Select(r => r.Created), Is.EqualTo(Enumerable.Range(0, 450).Select(i => (bool?)(i >= 100))));
        });
    }

    [Test]
    public async Task UpsertCollectionAsync_OneCollectionsCallPerCompositeCall_ThreeCollectionsCalls()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client(collectionsPerCall: 1);
        var records = Enumerable.Range(0, 450).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"C-{i}"), ("Name", $"Store {i}"))).ToList();

        var results = await client.UpsertCollectionAsync("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", records);

        Assert.That(results.All(r => r.Success), Is.True);
        Assert.That(org.Control.Counters.GetValueOrDefault("collections.upsert"), Is.EqualTo(3), "200 + 200 + 50");
        Assert.That(org.Control.Counters.GetValueOrDefault("composite"), Is.Zero);
    }

    [Test]
    public async Task UpsertCollectionAsync_InvalidRecords_ErrorsAsValuesOthersWritten()
    {
        await using var org = await EmulatedOrg.StartAsync();
        org.LoadStores(1);
        var client = org.Client();
        IReadOnlyDictionary<string, object?>[] records =
        [
            Fields(("Lightspeed_Sale_Id__c", "OK-1"), ("Status__c", "Completed")),
            Fields(("Lightspeed_Sale_Id__c", "LONG"), ("Currency_Code__c", "EURO")),
            Fields(("Lightspeed_Sale_Id__c", "PICK"), ("Status__c", "Lost")),
            Fields(("Lightspeed_Sale_Id__c", "TWICE"), ("Status__c", "Completed")),
            Fields(("Lightspeed_Sale_Id__c", "OK-2"), ("Store__r", new ExternalIdReference("Lightspeed_Shop_Id__c", "S-0"))),
            Fields(("Lightspeed_Sale_Id__c", "TWICE"), ("Status__c", "Voided")),
            Fields(("Lightspeed_Sale_Id__c", "FK"), ("Store__r", new ExternalIdReference("Lightspeed_Shop_Id__c", "S-404"))),
        ];

        var results = await client.UpsertCollectionAsync("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", records);

        var codes = results.ToDictionary(r => r.Index, r => string.Join(",", r.Errors.Select(e => e.StatusCode)));
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Success), Is.EqualTo(new[] { true, false, false, false, true, false, false }));
            Assert.That(codes[1], Is.EqualTo("STRING_TOO_LONG"));
            Assert.That(codes[2], Is.EqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
            Assert.That(codes[3], Is.EqualTo("DUPLICATE_VALUE"));
            Assert.That(codes[5], Is.EqualTo("DUPLICATE_VALUE"));
            Assert.That(codes[6], Is.EqualTo("INVALID_FIELD"));
            Assert.That(results[6].Errors[0].Message, Does.Contain("Foreign key external ID: S-404 not found"));
            Assert.That(results[1].Errors[0].Fields, Is.EqualTo(new[] { "Currency_Code__c" }));
            Assert.That(results.Where(r => !r.Success).Select(r => r.Id), Is.All.Null);
            Assert.That(org.Control.Query("SELECT Lightspeed_Sale_Id__c FROM Lightspeed_Sale__c ORDER BY Lightspeed_Sale_Id__c")["records"]!.AsArray().Select(r => (string?)r!["Lightspeed_Sale_Id__c"]),
                Is.EqualTo(new[] { "OK-1", "OK-2" }));
        });
    }

    [Test]
    public async Task UpsertCollectionAsync_UniqueFieldTaken_DuplicateValueForThatRecord()
    {
        await using var org = await EmulatedOrg.StartAsync();
        org.Control.LoadRecords("Lightspeed_Store__c", [new JsonObject { ["Name"] = "Old", ["Lightspeed_Shop_Id__c"] = "U-0", ["Store_Code__c"] = "NYC" }]);
        var client = org.Client();
        IReadOnlyDictionary<string, object?>[] records =
        [
            Fields(("Lightspeed_Shop_Id__c", "U-1"), ("Name", "New"), ("Store_Code__c", "nyc")),
            Fields(("Lightspeed_Shop_Id__c", "U-2"), ("Name", "Other"), ("Store_Code__c", "BOS")),
        ];

        var results = await client.UpsertCollectionAsync("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", records);

        Assert.That(results.Select(r => r.Success), Is.EqualTo(new[] { false, true }));
        Assert.That(results[0].Errors.Select(e => e.StatusCode), Is.EqualTo(new[] { "DUPLICATE_VALUE" }), "Store_Code__c is unique and case-insensitive");
    }

    [Test]
    public async Task UpsertCollectionAsync_RequiredFieldMissing_ReportedForThatRecord()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        IReadOnlyDictionary<string, object?>[] records =
        [
            Fields(("Lightspeed_Customer_Id__c", "P-1"), ("LastName", "Lovelace")),
            Fields(("Lightspeed_Customer_Id__c", "P-2"), ("FirstName", "Nobody")),
        ];

        var results = await client.UpsertCollectionAsync("Contact", "Lightspeed_Customer_Id__c", records);

        Assert.That(results.Select(r => r.Success), Is.EqualTo(new[] { true, false }));
        Assert.That(results[1].Errors.Select(e => e.StatusCode), Is.EqualTo(new[] { "REQUIRED_FIELD_MISSING" }));
        Assert.That(results[1].Errors[0].Fields, Does.Contain("LastName"));
    }

    [Test]
    public async Task UpsertCollectionAsync_AllOrNoneWithOneBadRecord_NothingWritten()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        IReadOnlyDictionary<string, object?>[] records =
        [
            Fields(("Lightspeed_Sale_Id__c", "A"), ("Status__c", "Completed")),
            Fields(("Lightspeed_Sale_Id__c", "B"), ("Status__c", "Lost")),
            Fields(("Lightspeed_Sale_Id__c", "C"), ("Status__c", "Voided")),
        ];

        var results = await client.UpsertCollectionAsync("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", records, allOrNone: true);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Success), Is.All.False);
            Assert.That(results[1].Errors.Select(e => e.StatusCode), Is.EqualTo(new[] { "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST" }));
            Assert.That(results[0].Errors.Select(e => e.StatusCode), Is.EqualTo(new[] { "ALL_OR_NONE_OPERATION_ROLLED_BACK" }));
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Sale__c")["totalSize"]!.GetValue<int>(), Is.Zero);
        });
    }
}
