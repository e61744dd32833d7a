using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lightbridge.Emulators.Lightspeed.Tests.Http;

public sealed class ControlTests
{
    private static async Task<JsonElement> PostAsync(EmulatorSession s, string path, object? body)
    {
        using var response = await s.Http.PostAsync(path, body is null ? null : JsonContent.Create(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Test]
    public async Task Seed_Http_RegeneratesWithNewSizes()
    {
        await using var s = await EmulatorSession.StartAsync();
        var result = await PostAsync(s, "/__emulator/seed", new { seed = 9, customers = 25, sales = 40 });
        Assert.That(result.GetProperty("customers").GetInt32(), Is.EqualTo(25));
        var count = await s.GetAsync($"{s.AccountPath}/Sale.json?count=1");
        Assert.That(count.Json.GetProperty("@attributes").GetProperty("count").GetString(), Is.EqualTo("40"));
    }

    [Test]
    public async Task Reset_Http_UndoesMutationsAndClearsCounters()
    {
        await using var s = await EmulatorSession.StartAsync();
        var before = (await s.GetAsync($"{s.AccountPath}/Sale.json?count=1")).Body;
        await PostAsync(s, "/__emulator/mutate", new { action = "addSale" });
        Assert.That((await s.GetAsync($"{s.AccountPath}/Sale.json?count=1")).Body, Is.Not.EqualTo(before));
        await PostAsync(s, "/__emulator/reset", null);
        Assert.That((await s.GetAsync($"{s.AccountPath}/Sale.json?count=1")).Body, Is.EqualTo(before));
        Assert.That(s.Emulator.Control.GetCounters().TotalRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task Mutate_EditCustomer_BumpsTimeStampsToNow()
    {
        await using var s = await EmulatorSession.StartAsync();
        var result = await PostAsync(s, "/__emulator/mutate", new { action = "editCustomer", customerId = 5 });
        Assert.That(result.GetProperty("customerId").GetInt32(), Is.EqualTo(5));
        var c = (await s.GetAsync($"{s.AccountPath}/Customer/5.json?load_relations=%5B%22Contact%22%5D")).Json.GetProperty("Customer");
        Assert.That(c.GetProperty("timeStamp").GetString(), Is.EqualTo("2026-11-01T12:00:00+00:00"));
        Assert.That(c.GetProperty("Contact").GetProperty("timeStamp").GetString(), Is.EqualTo("2026-11-01T12:00:00+00:00"));
        var changed = await s.GetAsync($"{s.AccountPath}/Customer.json?timeStamp=%3E%3D%2C2026-11-01T12%3A00%3A00%2B00%3A00");
        Assert.That(changed.Rows("Customer").Select(r => r.GetProperty("customerID").GetString()), Is.EqualTo(new[] { "5" }));
    }

    [Test]
    public async Task Mutate_AddSaleThenVoid_FollowsSaleSemantics()
    {
        await using var s = await EmulatorSession.StartAsync();
        var added = await PostAsync(s, "/__emulator/mutate", new { action = "addSale", customerId = 3, shopId = 1 });
        var saleId = added.GetProperty("saleId").GetInt32();
        var sale = (await s.GetAsync($"{s.AccountPath}/Sale/{saleId}.json")).Json.GetProperty("Sale");
        Assert.That(sale.GetProperty("completeTime").GetString(), Is.EqualTo("2026-11-01T12:00:00+00:00"));
        Assert.That(sale.GetProperty("customerID").GetString(), Is.EqualTo("3"));

        s.Clock!.Advance(TimeSpan.FromMinutes(5));
        await PostAsync(s, "/__emulator/mutate", new { action = "voidSale", saleId });
        sale = (await s.GetAsync($"{s.AccountPath}/Sale/{saleId}.json")).Json.GetProperty("Sale");
        Assert.That(sale.GetProperty("voided").GetString(), Is.EqualTo("true"));
        Assert.That(sale.GetProperty("completed").GetString(), Is.EqualTo("true"));
        Assert.That(sale.GetProperty("updatetime").GetString(), Is.EqualTo("2026-11-01T12:05:00+00:00"));
        Assert.That(sale.GetProperty("timeStamp").GetString(), Is.EqualTo("2026-11-01T12:00:00+00:00"), "timeStamp stays the completion time");
        var voids = await s.GetAsync($"{s.AccountPath}/SaleVoid.json?saleID={saleId}");
        Assert.That(voids.Rows("SaleVoid"), Has.Count.EqualTo(1));

        using var again = await s.Http.PostAsync("/__emulator/mutate", JsonContent.Create(new { action = "voidSale", saleId }));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Mutate_ChangeStock_MovesItemShopButNotItemTimeStamp()
    {
        await using var s = await EmulatorSession.StartAsync();
        var itemBefore = (await s.GetAsync($"{s.AccountPath}/Item/3.json")).Json.GetProperty("Item").GetProperty("timeStamp").GetString();
        var shopRow = (await s.GetAsync($"{s.AccountPath}/ItemShop.json?itemID=3&shopID=2")).Rows("ItemShop").Single();
        var qoh = int.Parse(shopRow.GetProperty("qoh").GetString()!, CultureInfo.InvariantCulture);
        var result = await PostAsync(s, "/__emulator/mutate", new { action = "changeStock", itemId = 3, shopId = 2, delta = -4 });
        Assert.That(result.GetProperty("qoh").GetInt32(), Is.EqualTo(qoh - 4));
        var after = (await s.GetAsync($"{s.AccountPath}/ItemShop.json?itemID=3&shopID=2")).Rows("ItemShop").Single();
        Assert.That(after.GetProperty("qoh").GetString(), Is.EqualTo((qoh - 4).ToString(CultureInfo.InvariantCulture)));
        Assert.That(after.GetProperty("timeStamp").GetString(), Is.EqualTo("2026-11-01T12:00:00+00:00"));
        Assert.That((await s.GetAsync($"{s.AccountPath}/Item/3.json")).Json.GetProperty("Item").GetProperty("timeStamp").GetString(), Is.EqualTo(itemBefore));
    }

    [Test]
    public async Task Mutate_SetRawThenRestore_SendsTheRawTextThenTheRealValueAgain()
    {
        await using var s = await EmulatorSession.StartAsync();
        var added = await PostAsync(s, "/__emulator/mutate", new { action = "addSale", customerId = 3, shopId = 1 });
        var saleId = added.GetProperty("saleId").GetInt32();
        var path = $"{s.AccountPath}/Sale/{saleId}.json?load_relations=%5B%22SaleLines%22%5D";
        var real = (await s.GetAsync(path)).Json.GetProperty("Sale");
        var lineId = int.Parse(Lines(real)[0].GetProperty("saleLineID").GetString()!, CultureInfo.InvariantCulture);

        await PostAsync(s, "/__emulator/mutate", new { action = "setRaw", saleId, field = "calcTotal", value = "12,50" });
        await PostAsync(s, "/__emulator/mutate", new { action = "setRaw", saleId, saleLineId = lineId, field = "unitQuantity", value = "two" });
        var broken = (await s.GetAsync(path)).Json.GetProperty("Sale");
        await PostAsync(s, "/__emulator/mutate", new { action = "setRaw", saleId, field = "calcTotal" });
        await PostAsync(s, "/__emulator/mutate", new { action = "setRaw", saleId, saleLineId = lineId, field = "unitQuantity" });
        var fixedAgain = (await s.GetAsync(path)).Json.GetProperty("Sale");

        Assert.Multiple(() =>
        {
            Assert.That(broken.GetProperty("calcTotal").GetString(), Is.EqualTo("12,50"));
            Assert.That(broken.GetProperty("total").GetString(), Is.EqualTo(real.GetProperty("total").GetString()), "only the named field is raw");
            Assert.That(Lines(broken)[0].GetProperty("unitQuantity").GetString(), Is.EqualTo("two"));
            Assert.That(fixedAgain.GetProperty("calcTotal").GetString(), Is.EqualTo(real.GetProperty("calcTotal").GetString()));
            Assert.That(Lines(fixedAgain)[0].GetProperty("unitQuantity").GetString(), Is.EqualTo(Lines(real)[0].GetProperty("unitQuantity").GetString()));
        });
    }

    [Test]
    public async Task Mutate_RemoveSaleLineAndMoveSale_AreEditsThatMoveUpdatetimeOnly()
    {
        await using var s = await EmulatorSession.StartAsync();
        var saleId = s.Emulator.Control.AddSale(customerId: 3, shopId: 1);
        var path = $"{s.AccountPath}/Sale/{saleId}.json?load_relations=%5B%22SaleLines%22%5D";
        while (Lines((await s.GetAsync(path)).Json.GetProperty("Sale")).Count < 2)
        {
            // The generator picks 1-4 lines; the seed decides how many tries this takes, always the same.
            saleId = s.Emulator.Control.AddSale(customerId: 3, shopId: 1);
            path = $"{s.AccountPath}/Sale/{saleId}.json?load_relations=%5B%22SaleLines%22%5D";
        }

        var before = (await s.GetAsync(path)).Json.GetProperty("Sale");
        s.Clock!.Advance(TimeSpan.FromMinutes(5));
        var removed = await PostAsync(s, "/__emulator/mutate", new { action = "removeSaleLine", saleId });
        await PostAsync(s, "/__emulator/mutate", new { action = "moveSale", saleId, shopId = 2, customerId = 0 });
        var after = (await s.GetAsync(path)).Json.GetProperty("Sale");

        Assert.Multiple(() =>
        {
            Assert.That(Lines(after).Select(l => l.GetProperty("saleLineID").GetString()),
                Does.Not.Contain(removed.GetProperty("saleLineId").GetInt32().ToString(CultureInfo.InvariantCulture)));
            Assert.That(Lines(after), Has.Count.EqualTo(Lines(before).Count - 1));
            Assert.That(after.GetProperty("shopID").GetString(), Is.EqualTo("2"));
            Assert.That(after.GetProperty("customerID").GetString(), Is.EqualTo("0"));
            Assert.That(after.GetProperty("updatetime").GetString(), Is.EqualTo("2026-11-01T12:05:00+00:00"), "updatetime moves");
            Assert.That(after.GetProperty("timeStamp").GetString(), Is.EqualTo(before.GetProperty("timeStamp").GetString()), "timeStamp stays");
            Assert.That(Lines(after).Select(l => l.GetProperty("shopID").GetString()), Is.All.EqualTo("2"), "lines follow the sale's shop");
        });
    }

    /// <summary>The SaleLine entries of a sale, one-element arrays sent as objects included.</summary>
    private static List<JsonElement> Lines(JsonElement sale)
    {
        var lines = sale.GetProperty("SaleLines").GetProperty("SaleLine");
        return lines.ValueKind == JsonValueKind.Array ? lines.EnumerateArray().ToList() : [lines];
    }

    [Test]
    public async Task Mutate_UnknownCustomer_Returns404()
    {
        await using var s = await EmulatorSession.StartAsync();
        using var response = await s.Http.PostAsync("/__emulator/mutate", JsonContent.Create(new { action = "editCustomer", customerId = 99999 }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Traffic_DrivenByClock_ProducesSalesAndEditsAtRate()
    {
        await using var s = await EmulatorSession.StartAsync();
        var before = s.Emulator.Control.CurrentSize.Sales;
        await PostAsync(s, "/__emulator/traffic", new { salesPerMinute = 60, editsPerMinute = 30 });
        s.Clock!.Advance(TimeSpan.FromMinutes(1));

        // The generator runs on its own thread: wait (bounded) for it to catch up on the minute, sales and edits both,
        // before stopping it; stopping between its sales and its edits would cut the edits short.
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while ((s.Emulator.Control.Traffic.SalesAdded < 60 || s.Emulator.Control.Traffic.CustomersEdited < 30)
               && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        using var stop = await s.Http.DeleteAsync("/__emulator/traffic");
        var status = JsonDocument.Parse(await stop.Content.ReadAsStringAsync()).RootElement;
        Assert.That(status.GetProperty("salesAdded").GetInt64(), Is.EqualTo(60));
        Assert.That(status.GetProperty("customersEdited").GetInt64(), Is.EqualTo(30));
        Assert.That(status.GetProperty("running").GetBoolean(), Is.False);
        var count = await s.GetAsync($"{s.AccountPath}/Sale.json?count=1");
        Assert.That(count.Json.GetProperty("@attributes").GetProperty("count").GetString(), Is.EqualTo((before + 60).ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Counters_Http_CountRequestsPerEndpoint()
    {
        await using var s = await EmulatorSession.StartAsync();
        await s.GetAsync($"{s.AccountPath}/Customer.json");
        await s.GetAsync($"{s.AccountPath}/Customer/1.json");
        await s.GetAsync($"{s.AccountPath}/Sale.json");
        var counters = (await s.GetAsync("/__emulator/counters")).Json;
        Assert.That(counters.GetProperty("totalRequests").GetInt64(), Is.EqualTo(3));
        Assert.That(counters.GetProperty("endpoints").GetProperty("Customer").GetProperty("requests").GetInt64(), Is.EqualTo(2));
        Assert.That(counters.GetProperty("endpoints").GetProperty("Sale").GetProperty("throttled").GetInt64(), Is.Zero);
        Assert.That(counters.GetProperty("tokenRequests").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task Faults_ServerErrorRateOne_Returns5xxOnApiOnly()
    {
        await using var s = await EmulatorSession.StartAsync();
        await PostAsync(s, "/__emulator/faults", new { serverErrorRate = 1.0 });
        var r = await s.GetAsync($"{s.AccountPath}/Customer.json");
        Assert.That(r.Status, Is.AnyOf(500, 502, 503));
        Assert.That(r.Json.GetProperty("httpCode").GetString(), Is.EqualTo(r.Status.ToString(CultureInfo.InvariantCulture)));
        Assert.That((await s.GetAsync("/__emulator/counters")).Status, Is.EqualTo(200), "control surface is exempt");
        using var clear = await s.Http.DeleteAsync("/__emulator/faults");
        Assert.That((await s.GetAsync($"{s.AccountPath}/Customer.json")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Faults_DropRateOne_AbortsConnection()
    {
        await using var s = await EmulatorSession.StartAsync();
        s.Emulator.Control.SetFaults(0, TimeSpan.Zero, 1.0);
        Assert.That(async () => await s.Http.GetAsync($"{s.AccountPath}/Customer.json"), Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task Faults_Injected_AreCountedByKind()
    {
        await using var s = await EmulatorSession.StartAsync();
        s.Emulator.Control.SetFaults(1.0, TimeSpan.Zero, 0);
        await s.GetAsync($"{s.AccountPath}/Customer.json");
        await s.GetAsync($"{s.AccountPath}/Item.json");
        s.Emulator.Control.SetFaults(0, TimeSpan.Zero, 1.0);
        Assert.That(async () => await s.Http.GetAsync($"{s.AccountPath}/Customer.json"), Throws.InstanceOf<HttpRequestException>());
        s.Emulator.Control.ClearFaults();
        await s.GetAsync($"{s.AccountPath}/Customer.json");

        var counters = (await s.GetAsync("/__emulator/counters")).Json;
        Assert.That(counters.GetProperty("faultServerErrors").GetInt64(), Is.EqualTo(2));
        Assert.That(counters.GetProperty("faultDroppedConnections").GetInt64(), Is.EqualTo(1));
        Assert.That(counters.GetProperty("faultDelayedRequests").GetInt64(), Is.Zero);
        s.Emulator.Control.ResetCounters();
        Assert.That(s.Emulator.Control.GetCounters().FaultServerErrors, Is.Zero);
    }

    [Test]
    public async Task Faults_Latency_DelaysApiResponses()
    {
        await using var s = await EmulatorSession.StartAsync(fakeClock: false);
        await PostAsync(s, "/__emulator/faults", new { latencyMs = 300 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.That((await s.GetAsync("/API/V3/Account.json")).Status, Is.EqualTo(200));
        Assert.That(watch.ElapsedMilliseconds, Is.GreaterThanOrEqualTo(250));
    }

    [Test]
    public async Task Faults_InvalidRate_Returns400()
    {
        await using var s = await EmulatorSession.StartAsync();
        using var response = await s.Http.PostAsync("/__emulator/faults", JsonContent.Create(new { serverErrorRate = 2.0 }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Info_ReportsUrlsWithoutSecret()
    {
        await using var s = await EmulatorSession.StartAsync();
        var info = await s.GetAsync("/__emulator/info");
        Assert.That(info.Json.GetProperty("tokenUrl").GetString(), Is.EqualTo(s.Emulator.TokenUrl.ToString()));
        Assert.That(info.Body, Does.Not.Contain(s.Emulator.ClientSecret));
    }

    [Test]
    public async Task Defaults_CredentialsAreDeterministicAndReported()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        Assert.That(s.Emulator.CredentialsDefaulted, Is.True);
        Assert.That(s.Emulator.ClientId, Is.EqualTo(LightspeedEmulator.DefaultClientId));
        Assert.That(s.Emulator.InitialRefreshToken, Is.EqualTo(LightspeedEmulator.DefaultRefreshToken(s.Emulator.AccountId)));
        Assert.That(s.Emulator.TokenUrl.AbsolutePath, Is.EqualTo("/auth/oauth/token"));
        Assert.That(s.Emulator.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
    }
}
