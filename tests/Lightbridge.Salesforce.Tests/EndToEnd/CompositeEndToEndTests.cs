using System.Text.Json;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>Composite requests whose later subrequests use earlier results (reference §2.5).</summary>
[TestFixture]
public sealed class CompositeEndToEndTests
{
    [Test]
    public async Task CompositeAsync_CreateThenReferenceTheNewId_ChildLinkedToParent()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        CompositeSubrequest[] subrequests =
        [
            new(HttpMethod.Post, "sobjects/Lightspeed_Store__c", "store") { Body = new Dictionary<string, object?> { ["Name"] = "Composite", ["Lightspeed_Shop_Id__c"] = "CMP-1" } },
            new(HttpMethod.Patch, "sobjects/Lightspeed_Sale__c/Lightspeed_Sale_Id__c/CMP-SALE", "sale") { Body = new Dictionary<string, object?> { ["Store__c"] = CompositeSubrequest.Reference("store") } },
            new(HttpMethod.Get, $"sobjects/Lightspeed_Store__c/{CompositeSubrequest.Reference("store")}", "read"),
        ];

        var response = await client.CompositeAsync(subrequests, allOrNone: true);

        var storeId = response["store"].Body.GetProperty("id").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(response.Subresponses.Select(s => s.HttpStatusCode), Is.EqualTo(new[] { 201, 201, 200 }));
            Assert.That(response["read"].Body.GetProperty("Name").GetString(), Is.EqualTo("Composite"));
            Assert.That(org.Control.Query("SELECT Store__c FROM Lightspeed_Sale__c")["records"]![0]!["Store__c"]!.GetValue<string>(), Is.EqualTo(storeId));
            Assert.That(org.Control.Counters.GetValueOrDefault("composite"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task CompositeAsync_AllOrNoneWithAFailingSubrequest_RollsBackAndHaltsTheRest()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        CompositeSubrequest[] subrequests =
        [
            new(HttpMethod.Post, "sobjects/Lightspeed_Store__c", "store") { Body = new Dictionary<string, object?> { ["Name"] = "Composite" } },
            new(HttpMethod.Post, "sobjects/Lightspeed_Sale__c", "sale") { Body = new Dictionary<string, object?> { ["Status__c"] = "Lost", ["Store__c"] = CompositeSubrequest.Reference("store") } },
        ];

        var response = await client.CompositeAsync(subrequests, allOrNone: true);

        Assert.Multiple(() =>
        {
            Assert.That(response.Subresponses.All(s => !s.IsSuccess), Is.True);
            Assert.That(response["sale"].Errors.Select(e => e.ErrorCode), Does.Contain("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
            Assert.That(response["store"].Body.ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.Zero);
        });
    }
}
