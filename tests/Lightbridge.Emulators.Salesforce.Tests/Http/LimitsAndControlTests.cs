using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Control;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class LimitsAndControlTests
{
    [Test]
    public async Task EveryApiResponse_CarriesSforceLimitInfo()
    {
        await using var org = await TestOrg.StartAsync(o => o.DailyApiLimit = 500);
        var (_, _, first) = await org.GetAsync("limits");
        var (_, _, second) = await org.QueryAsync("SELECT Bad FROM Nothing");
        Assert.Multiple(() =>
        {
            Assert.That(first.Headers.GetValues("Sforce-Limit-Info").Single(), Is.EqualTo("api-usage=1/500"));
            Assert.That(second.Headers.GetValues("Sforce-Limit-Info").Single(), Is.EqualTo("api-usage=2/500"));
        });
        var (_, versions, plain) = await org.GetAsync("/services/data");
        Assert.That(plain.Headers.Contains("Sforce-Limit-Info"), Is.False, "not on the version list");
        Assert.That(versions!.AsArray().Last()!["version"]!.ToString(), Is.EqualTo("62.0"));
    }

    [Test]
    public async Task DailyLimitSpent_Gives403RequestLimitExceeded_UntilTheNextDay()
    {
        await using var org = await TestOrg.StartAsync(o => { o.DailyApiLimit = 3; o.SessionLifetime = TimeSpan.FromDays(3); });
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await org.GetAsync("limits")).Status, Is.EqualTo(HttpStatusCode.OK));
        }

        var (status, body, _) = await org.GetAsync("limits");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body!.ToJsonString(), Is.EqualTo("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"));
        org.Time.Advance(TimeSpan.FromDays(1));
        Assert.That((await org.GetAsync("limits")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Limits_ReportsMaxAndRemaining()
    {
        await using var org = await TestOrg.StartAsync(o => o.DailyApiLimit = 1000);
        org.Emulator.Control.SetApiUsage(100);
        var (_, body, _) = await org.GetAsync("limits");
        Assert.That(body!["DailyApiRequests"]!.ToJsonString(), Is.EqualTo("{\"Max\":1000,\"Remaining\":899}"));
    }

    [Test]
    public async Task Counters_CountPerKind_OverHttp()
    {
        await using var org = await TestOrg.StartAsync();
        await org.QueryAsync("SELECT Id FROM Account");
        await org.PatchAsync("sobjects/Contact/Customer_Id__c/1", new JsonObject { ["FirstName"] = "a", ["LastName"] = "b" });
        var counters = JsonNode.Parse(await org.Http.GetStringAsync("/__emulator/counters"))!;
        Assert.Multiple(() =>
        {
            Assert.That(counters["apiCallsToday"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(counters["counters"]!["query"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(counters["counters"]!["sobject.upsert"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(counters["counters"]!["oauth.client_credentials"]!.GetValue<long>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Faults_OverHttp_503_500_LimitAndDrop()
    {
        await using var org = await TestOrg.StartAsync();
        async Task SetAsync(JsonObject faults)
        {
            using var content = new StringContent(faults.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await org.Http.PutAsync("/__emulator/faults", content);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await SetAsync(new JsonObject { ["serviceUnavailableRate"] = 1.0 });
        Assert.That((await org.GetAsync("limits")).Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        await SetAsync(new JsonObject { ["serverErrorRate"] = 1.0 });
        Assert.That((await org.GetAsync("limits")).Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        await SetAsync(new JsonObject { ["requestLimitExceeded"] = true });
        var limited = await org.GetAsync("limits");
        Assert.That((limited.Status, limited.Body![0]!["errorCode"]!.ToString()), Is.EqualTo((HttpStatusCode.Forbidden, "REQUEST_LIMIT_EXCEEDED")));
        await SetAsync(new JsonObject { ["dropConnectionRate"] = 1.0 });
        Assert.That(async () => await org.GetAsync("limits"), Throws.InstanceOf<HttpRequestException>());
        using var cleared = await org.Http.DeleteAsync("/__emulator/faults");
        Assert.That((await org.GetAsync("limits")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Faults_LockRowRate_FailsRowsWithUnableToLockRow()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Control.SetFaults(new FaultSettings { LockRowRate = 0.5 });
        var records = new JsonArray(Enumerable.Range(0, 40).Select(i => (JsonNode?)new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Contact" }, ["Customer_Id__c"] = $"c{i}", ["FirstName"] = "F", ["LastName"] = "L",
        }).ToArray());
        var (_, body, _) = await org.PatchAsync("composite/sobjects/Contact/Customer_Id__c", new JsonObject { ["records"] = records });
        var failed = body!.AsArray().Where(r => !r!["success"]!.GetValue<bool>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failed, Has.Count.InRange(5, 35));
            Assert.That(failed.Select(f => f!["errors"]![0]!["statusCode"]!.ToString()).Distinct(), Is.EqualTo(new[] { "UNABLE_TO_LOCK_ROW" }));
        });
    }

    [Test]
    public async Task Faults_Latency_DelaysOnTheInjectedClock()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Control.SetFaults(new FaultSettings { Latency = TimeSpan.FromSeconds(30) });
        var pending = org.GetAsync("limits");
        await TestOrg.WaitUntilAsync(() => org.Emulator.Control.Counters.GetValueOrDefault("fault.latency") == 1);
        Assert.That(pending.IsCompleted, Is.False);
        await org.AdvanceUntilAsync(pending, TimeSpan.FromSeconds(31));
        Assert.That((await pending).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ResetAndLoadRecords_OverHttp()
    {
        await using var org = await TestOrg.StartAsync();
        using var load = new StringContent("[{\"Name\":\"One\"},{\"Name\":\"Two\"}]", Encoding.UTF8, "application/json");
        using var loaded = await org.Http.PostAsync("/__emulator/records/Account", load);
        var ids = JsonNode.Parse(await loaded.Content.ReadAsStringAsync())!["ids"]!.AsArray();
        Assert.That(ids.Select(i => i!.ToString()), Has.All.StartWith("001"));
        using var bad = new StringContent("[{\"Nope__c\":1}]", Encoding.UTF8, "application/json");
        using var refused = await org.Http.PostAsync("/__emulator/records/Account", bad);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var query = JsonNode.Parse(await org.Http.GetStringAsync("/__emulator/query?q=SELECT+COUNT()+FROM+Account"))!;
        Assert.That(query["totalSize"]!.GetValue<int>(), Is.EqualTo(2));
        using var reset = await org.Http.PostAsync("/__emulator/reset", null);
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Account")["totalSize"]!.GetValue<int>(), Is.Zero);
        Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM User")["totalSize"]!.GetValue<int>(), Is.EqualTo(1), "the integration user is reseeded");
    }
}
