using System.Net;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class BulkQueryTests
{
    [Test]
    public async Task QueryJob_RunsAfterProcessingTime_AndPagesWithSforceLocator()
    {
        await using var org = await TestOrg.StartAsync();
        var account = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme \"Best\"" });
        org.Emulator.Control.LoadRecords("Contact", Enumerable.Range(0, 5).Select(i => new JsonObject
        {
            ["FirstName"] = $"F{i}", ["LastName"] = "L", ["AccountId"] = i == 0 ? account : null,
        }));
        var (status, info, _) = await org.PostAsync("jobs/query", new JsonObject { ["operation"] = "query", ["query"] = "SELECT FirstName, Account.Name FROM Contact ORDER BY FirstName" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), info?.ToJsonString());
        var id = info!["id"]!.ToString();
        Assert.That(info["state"]!.ToString(), Is.EqualTo("UploadComplete"));

        using (var early = await org.Http.GetAsync($"/services/data/v62.0/jobs/query/{id}/results"))
        {
            Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "results before completion are refused");
        }

        org.Time.Advance(TimeSpan.FromSeconds(3));
        var (_, done, _) = await org.GetAsync($"jobs/query/{id}");
        Assert.That((done!["state"]!.ToString(), done["numberRecordsProcessed"]!.GetValue<int>()), Is.EqualTo(("JobComplete", 5)));

        using var first = await org.Http.GetAsync($"/services/data/v62.0/jobs/query/{id}/results?maxRecords=3");
        var firstText = await first.Content.ReadAsStringAsync();
        var locator = first.Headers.GetValues("Sforce-Locator").Single();
        Assert.Multiple(() =>
        {
            Assert.That(firstText, Does.StartWith("\"FirstName\",\"Account.Name\"\n\"F0\",\"Acme \"\"Best\"\"\"\n\"F1\",\n"));
            Assert.That(first.Headers.GetValues("Sforce-NumberOfRecords").Single(), Is.EqualTo("3"));
            Assert.That(locator, Is.Not.EqualTo("null"));
        });
        using var second = await org.Http.GetAsync($"/services/data/v62.0/jobs/query/{id}/results?maxRecords=3&locator={locator}");
        Assert.Multiple(async () =>
        {
            Assert.That(second.Headers.GetValues("Sforce-Locator").Single(), Is.EqualTo("null"));
            Assert.That((await second.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public async Task QueryJob_InvalidSoql_Is400AtCreate()
    {
        await using var org = await TestOrg.StartAsync();
        var (status, body, _) = await org.PostAsync("jobs/query", new JsonObject { ["operation"] = "query", ["query"] = "SELECT Nope__c FROM Contact" });
        Assert.That((status, body![0]!["errorCode"]!.ToString()), Is.EqualTo((HttpStatusCode.BadRequest, "INVALID_FIELD")));
    }
}
