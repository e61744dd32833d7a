using System.Net;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class CompositeTests
{
    private static JsonObject Sub(string method, string url, string referenceId, JsonObject? body = null)
    {
        var sub = new JsonObject { ["method"] = method, ["url"] = url, ["referenceId"] = referenceId };
        if (body is not null)
        {
            sub["body"] = body;
        }

        return sub;
    }

    [Test]
    public async Task Composite_References_FlowBetweenSubrequests()
    {
        await using var org = await TestOrg.StartAsync();
        var request = new JsonObject
        {
            ["allOrNone"] = true,
            ["compositeRequest"] = new JsonArray(
                Sub("POST", "/services/data/v62.0/sobjects/Account", "acct", new JsonObject { ["Name"] = "Acme" }),
                Sub("POST", "/services/data/v62.0/sobjects/Contact", "ct", new JsonObject { ["FirstName"] = "A", ["LastName"] = "B", ["AccountId"] = "@{acct.id}" }),
                Sub("GET", "/services/data/v62.0/query?q=SELECT+Account.Name+FROM+Contact+WHERE+Id='@{ct.id}'", "q")),
        };
        var (status, body, _) = await org.PostAsync("composite", request);
        var responses = body!["compositeResponse"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(responses.Select(r => r!["httpStatusCode"]!.GetValue<int>()), Is.EqualTo(new[] { 201, 201, 200 }));
            Assert.That(responses[0]!["httpHeaders"]!["Location"]!.ToString(), Does.StartWith("/services/data/v62.0/sobjects/Account/001"));
            Assert.That(responses[2]!["body"]!["records"]![0]!["Account"]!["Name"]!.ToString(), Is.EqualTo("Acme"));
            Assert.That(responses[1]!["referenceId"]!.ToString(), Is.EqualTo("ct"));
        });
        Assert.That(org.Emulator.Control.Counters["composite"], Is.EqualTo(1), "a composite call is one API call");
    }

    [Test]
    public async Task Composite_AllOrNoneFailure_RollsBackWithProcessingHalted()
    {
        await using var org = await TestOrg.StartAsync();
        var request = new JsonObject
        {
            ["allOrNone"] = true,
            ["compositeRequest"] = new JsonArray(
                Sub("POST", "/services/data/v62.0/sobjects/Account", "ok", new JsonObject { ["Name"] = "Acme" }),
                Sub("POST", "/services/data/v62.0/sobjects/Account", "bad", new JsonObject { ["Bogus__c"] = 1 }),
                Sub("POST", "/services/data/v62.0/sobjects/Account", "after", new JsonObject { ["Name"] = "Later" })),
        };
        var (status, body, _) = await org.PostAsync("composite", request);
        var responses = body!["compositeResponse"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(responses.Select(r => r!["httpStatusCode"]!.GetValue<int>()), Is.EqualTo(new[] { 400, 400, 400 }));
            Assert.That(responses[0]!["body"]![0]!["errorCode"]!.ToString(), Is.EqualTo("PROCESSING_HALTED"));
            Assert.That(responses[1]!["body"]![0]!["errorCode"]!.ToString(), Is.EqualTo("INVALID_FIELD"));
            Assert.That(responses[2]!["body"]![0]!["errorCode"]!.ToString(), Is.EqualTo("PROCESSING_HALTED"));
            Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Account")["totalSize"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task Composite_WithoutAllOrNone_KeepsSuccessesAndHaltsDependents()
    {
        await using var org = await TestOrg.StartAsync();
        var request = new JsonObject
        {
            ["compositeRequest"] = new JsonArray(
                Sub("POST", "/services/data/v62.0/sobjects/Account", "ok", new JsonObject { ["Name"] = "Acme" }),
                Sub("POST", "/services/data/v62.0/sobjects/Account", "bad", new JsonObject { ["Bogus__c"] = 1 }),
                Sub("PATCH", "/services/data/v62.0/sobjects/Account/@{bad.id}", "dep", new JsonObject { ["Name"] = "x" })),
        };
        var (_, body, _) = await org.PostAsync("composite", request);
        var responses = body!["compositeResponse"]!.AsArray();
        Assert.That(responses.Select(r => r!["httpStatusCode"]!.GetValue<int>()), Is.EqualTo(new[] { 201, 400, 400 }));
        Assert.That(responses[2]!["body"]![0]!["errorCode"]!.ToString(), Is.EqualTo("PROCESSING_HALTED"));
        Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Account")["totalSize"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Composite_Over25Subrequests_Is400()
    {
        await using var org = await TestOrg.StartAsync();
        var subs = new JsonArray(Enumerable.Range(0, 26).Select(i => (JsonNode?)Sub("GET", "/services/data/v62.0/limits", $"r{i}")).ToArray());
        var (status, _, _) = await org.PostAsync("composite", new JsonObject { ["compositeRequest"] = subs });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
    }
    [TestCase("/services/data/v62.0/query?q=SELECT+Id+FROM+Account", 5, HttpStatusCode.OK)]
    [TestCase("/services/data/v62.0/query?q=SELECT+Id+FROM+Account", 6, HttpStatusCode.BadRequest)]
    [TestCase("/services/data/v62.0/queryAll?q=SELECT+Id+FROM+Account", 6, HttpStatusCode.BadRequest)]
    [TestCase("/services/data/v62.0/limits", 6, HttpStatusCode.OK)]
    public async Task Composite_QuerySubrequests_AtMostFive(string url, int count, HttpStatusCode expected)
    {
        await using var org = await TestOrg.StartAsync();
        var subs = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode?)Sub("GET", url, $"r{i}")).ToArray());

        var (status, body, _) = await org.PostAsync("composite", new JsonObject { ["compositeRequest"] = subs });

        Assert.That(status, Is.EqualTo(expected));
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.That(body![0]!["errorCode"]!.ToString(), Is.EqualTo("INVALID_REQUEST"));
        }
        else
        {
            Assert.That(body!["compositeResponse"]!.AsArray().Select(r => r!["httpStatusCode"]!.GetValue<int>()), Is.All.EqualTo(200));
        }
    }

    [Test]
    public async Task Composite_SixCollectionsSubrequests_Is400AndWritesNothing()
    {
        await using var org = await TestOrg.StartAsync();
        var subs = new JsonArray(Enumerable.Range(0, 6).Select(i => (JsonNode?)Sub("POST", "/services/data/v62.0/composite/sobjects", $"c{i}", new JsonObject
        {
            ["records"] = new JsonArray(new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Account" }, ["Name"] = $"A{i}" }),
        })).ToArray());

        var (status, _, _) = await org.PostAsync("composite", new JsonObject { ["compositeRequest"] = subs });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Account")["totalSize"]!.GetValue<int>(), Is.Zero);
    }
}
