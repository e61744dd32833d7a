using System.Net;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class ProtocolEdgeTests
{
    [Test]
    public async Task UriPlusHeadersOver16384Bytes_Is431()
    {
        await using var org = await TestOrg.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/services/data/v62.0/limits");
        request.Headers.Add("X-Padding", new string('x', 16_500));
        using var response = await org.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestHeaderFieldsTooLarge));
    }

    [Test]
    public async Task Describe_ListsFieldsWithTypesAndFlags()
    {
        await using var org = await TestOrg.StartAsync();
        var (status, body, _) = await org.GetAsync("sobjects/Sale__c/describe");
        var fields = body!["fields"]!.AsArray();
        var saleId = fields.Single(f => f!["name"]!.ToString() == "Sale_Id__c")!;
        var store = fields.Single(f => f!["name"]!.ToString() == "Store__c")!;
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body["keyPrefix"]!.ToString(), Has.Length.EqualTo(3));
            Assert.That(saleId["externalId"]!.GetValue<bool>(), Is.True);
            Assert.That(store["type"]!.ToString(), Is.EqualTo("reference"));
            Assert.That(store["relationshipName"]!.ToString(), Is.EqualTo("Store__r"));
            Assert.That(store["nillable"]!.GetValue<bool>(), Is.False);
        });
        var (_, global, _) = await org.GetAsync("sobjects");
        Assert.That(global!["sobjects"]!.AsArray().Select(o => o!["name"]!.ToString()), Does.Contain("Lead").And.Contain("Store__c"));
    }

    [Test]
    public async Task ConcurrentCollectionsUpserts_AllLandOnce()
    {
        await using var org = await TestOrg.StartAsync();
        var tasks = Enumerable.Range(0, 10).Select(batch => org.PatchAsync("composite/sobjects/Contact/Customer_Id__c", new JsonObject
        {
            ["records"] = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode?)new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Contact" },
                // Batches overlap pairwise, so half the rows are updates of another batch's creations.
                ["Customer_Id__c"] = $"c{(batch / 2 * 50) + i}",
                ["FirstName"] = "F",
                ["LastName"] = $"B{batch}",
            }).ToArray()),
        })).ToArray();
        var results = await Task.WhenAll(tasks);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(results.SelectMany(r => r.Body!.AsArray()).Count(r => r!["created"]!.GetValue<bool>()), Is.EqualTo(250));
            Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Contact")["totalSize"]!.GetValue<int>(), Is.EqualTo(250));
            Assert.That(org.Emulator.Control.ApiCallsToday, Is.EqualTo(10));
        });
    }

    [Test]
    public async Task ExternalIdValueWithSlash_IsOneEncodedSegment()
    {
        await using var org = await TestOrg.StartAsync();
        var (status, _, _) = await org.PatchAsync("sobjects/Contact/Customer_Id__c/" + Uri.EscapeDataString("1/2 #x"), new JsonObject { ["FirstName"] = "a", ["LastName"] = "b" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        var found = org.Emulator.Control.Query("SELECT Customer_Id__c FROM Contact");
        Assert.That(found["records"]![0]!["Customer_Id__c"]!.ToString(), Is.EqualTo("1/2 #x"));
    }

    [Test]
    public async Task MalformedJsonBody_IsJsonParserError()
    {
        await using var org = await TestOrg.StartAsync();
        using var content = new StringContent("{\"Name\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await org.Http.PostAsync("/services/data/v62.0/sobjects/Account", content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That((response.StatusCode, body[0]!["errorCode"]!.ToString()), Is.EqualTo((HttpStatusCode.BadRequest, "JSON_PARSER_ERROR")));
    }
}
