using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Salesforce.Tests.Wire;

/// <summary>Collections upserts of more than 200 records, sent as Collections subrequests of Composite calls.</summary>
public sealed partial class SalesforceClientWireTests
{
    [Test]
    public async Task UpsertCollectionAsync_1200Records_FiveChunksInOneCompositeCallTheSixthAloneAndALockedRowSentAgainAlone()
    {
        var lockedOnce = false;
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            if (request.Path == "/services/data/v62.0/composite")
            {
                var answers = new JsonArray();
                foreach (var sub in JsonNode.Parse(request.Body)!["compositeRequest"]!.AsArray())
                {
                    answers.Add(new JsonObject
                    {
                        ["body"] = JsonNode.Parse(CollectionAnswer(sub!["body"]!.ToJsonString(), ref lockedOnce)),
                        ["httpHeaders"] = new JsonObject(),
                        ["httpStatusCode"] = 200,
                        ["referenceId"] = sub["referenceId"]!.GetValue<string>(),
                    });
                }

                await JsonAsync(response, 200, new JsonObject { ["compositeResponse"] = answers }.ToJsonString());
                return;
            }

            await JsonAsync(response, 200, CollectionAnswer(request.Body, ref lockedOnce));
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);
        var records = Enumerable.Range(0, 1_200)
            .Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["Lightspeed_Customer_Id__c"] = $"1-{i}", ["LastName"] = $"N{i}" })
            .ToList();

        var results = await client.UpsertCollectionAsync("Contact", "Lightspeed_Customer_Id__c", records);

        var composites = server.Requests.Where(r => r.Path == "/services/data/v62.0/composite").ToList();
        var first = JsonNode.Parse(composites[0].Body)!;
        var retries = server.Requests.Where(r => r.Path.Contains("/composite/sobjects/", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(composites.Select(c => JsonNode.Parse(c.Body)!["compositeRequest"]!.AsArray().Count), Is.EqualTo(new[] { 5 }), "1,000 records in one call");
            Assert.That(first["allOrNone"]!.GetValue<bool>(), Is.False);
            Assert.That(first["compositeRequest"]![0]!["method"]!.GetValue<string>(), Is.EqualTo("PATCH"));
            Assert.That(first["compositeRequest"]![0]!["url"]!.GetValue<string>(), Is.EqualTo("/services/data/v62.0/composite/sobjects/Contact/Lightspeed_Customer_Id__c"));
            Assert.That(first["compositeRequest"]![4]!["body"]!["records"]![0]!["Lightspeed_Customer_Id__c"]!.GetValue<string>(), Is.EqualTo("1-800"));
            Assert.That(first["compositeRequest"]![0]!["body"]!["allOrNone"]!.GetValue<bool>(), Is.False);
            Assert.That(retries.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("records").GetArrayLength()), Is.EqualTo(new[] { 1, 200 }), "the locked row went out again alone, then the sixth chunk, alone too");
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 1_200)));
            Assert.That(results.Select(r => r.ExternalId), Is.EqualTo(records.Select(r => (string)r["Lightspeed_Customer_Id__c"]!)));
            Assert.That(results.Where(r => !r.Success).Select(r => r.ExternalId), Is.EqualTo(new[] { "1-7" }));
            Assert.That(results[250].Success, Is.True, "the locked row, written on its second try");
            Assert.That(results[1_199].Id, Is.EqualTo("003000000000011199"));
            Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.Composite), Is.EqualTo(1));
            Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.CollectionsUpsert), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task UpsertCollectionAsync_ACompositeSubrequestRefused_ThrowsWithItsErrors()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            var answers = new JsonArray();
            foreach (var sub in JsonNode.Parse(request.Body)!["compositeRequest"]!.AsArray())
            {
                answers.Add(new JsonObject
                {
                    ["body"] = JsonNode.Parse("""[{"message":"No such column 'Nope__c' on sobject of type Contact","errorCode":"INVALID_FIELD"}]"""),
                    ["httpHeaders"] = new JsonObject(),
                    ["httpStatusCode"] = 400,
                    ["referenceId"] = sub!["referenceId"]!.GetValue<string>(),
                });
            }

            await JsonAsync(response, 200, new JsonObject { ["compositeResponse"] = answers }.ToJsonString());
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);
        var records = Enumerable.Range(0, 300)
            .Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["Lightspeed_Customer_Id__c"] = $"1-{i}", ["Nope__c"] = "x" })
            .ToList();

        var ex = Assert.ThrowsAsync<SalesforceApiException>(async () => await client.UpsertCollectionAsync("Contact", "Lightspeed_Customer_Id__c", records));

        Assert.That(ex!.ErrorCode, Is.EqualTo("INVALID_FIELD"));
        Assert.That(ex.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
    }

    /// <summary>One Collections answer: 1-7 refused for good, 1-250 locked the first time it is seen.</summary>
    private static string CollectionAnswer(string body, ref bool lockedOnce)
    {
        using var document = JsonDocument.Parse(body);
        var results = new List<string>();
        foreach (var record in document.RootElement.GetProperty("records").EnumerateArray())
        {
            var key = record.GetProperty("Lightspeed_Customer_Id__c").GetString()!;
            if (key == "1-7")
            {
                results.Add("""{"success":false,"errors":[{"statusCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [LastName]","fields":["LastName"]}]}""");
            }
            else if (key == "1-250" && !lockedOnce)
            {
                lockedOnce = true;
                results.Add("""{"success":false,"errors":[{"statusCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record","fields":[]}]}""");
            }
            else
            {
                results.Add($$"""{"id":"003{{key.Replace("-", string.Empty, StringComparison.Ordinal).PadLeft(15, '0')}}","success":true,"errors":[],"created":true}""");
            }
        }

        return "[" + string.Join(",", results) + "]";
    }
}
