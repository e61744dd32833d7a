using System.Net.Http.Json;
using System.Text.Json;

namespace Lightbridge.Emulators.XSeries.Tests;

public sealed class ControlTests
{
    [Test]
    public async Task Mutate_CreateSaleOverHttp_ReturnsIdAndVersion_TheApiAgrees()
    {
        await using var s = await XSeriesSession.StartAsync();
        using var response = await s.Http.PostAsJsonAsync("/_control/mutate", new { action = "createSale", customerId = s.Control.CustomerIds()[2] });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        var id = body.GetProperty("id").GetString();
        var version = body.GetProperty("version").GetInt64();

        var sale = (await s.GetAsync($"/api/2.0/sales/{id}")).Json.GetProperty("data");
        Assert.That(sale.GetProperty("version").GetInt64(), Is.EqualTo(version));
        Assert.That(sale.GetProperty("status").GetString(), Is.EqualTo("CLOSED"));
        Assert.That(sale.GetProperty("customer_id").GetString(), Is.EqualTo(s.Control.CustomerIds()[2]));
        // Selling moved stock: inventory rows changed after the bookmark too.
        Assert.That((await s.GetAsync($"/api/2.0/inventory?after={version}")).Data, Is.Not.Empty);
    }

    [Test]
    public async Task Mutate_UnknownId_Returns404_BadAction400()
    {
        await using var s = await XSeriesSession.StartAsync();
        using var missing = await s.Http.PostAsJsonAsync("/_control/mutate", new { action = "voidSale", saleId = Guid.NewGuid().ToString() });
        Assert.That((int)missing.StatusCode, Is.EqualTo(404));
        using var bad = await s.Http.PostAsJsonAsync("/_control/mutate", new { action = "explode" });
        Assert.That((int)bad.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task Seed_OverHttp_ReplacesTheData_AndCountersCountEndpoints()
    {
        await using var s = await XSeriesSession.StartAsync();
        await s.GetAsync("/api/2.0/sales");
        await s.GetAsync($"/api/2.0/sales/{s.Control.SaleIds()[0]}");
        var counters = s.Control.GetCounters();
        Assert.That(counters.Endpoints["GET /api/2.0/sales"].Requests, Is.EqualTo(1));
        Assert.That(counters.Endpoints["GET /api/2.0/sales/{id}"].Requests, Is.EqualTo(1));
        Assert.That(counters.TokenRequests, Is.EqualTo(1));

        using var seeded = await s.Http.PostAsJsonAsync("/_control/seed", new { seed = 9, customers = 5, sales = 10 });
        Assert.That((int)seeded.StatusCode, Is.EqualTo(200));
        Assert.That(s.Control.CustomerIds(), Has.Count.EqualTo(5));
        Assert.That((await s.GetAsync("/api/2.0/sales")).Data, Has.Count.EqualTo(10));
    }

    [Test]
    public async Task Faults_OverHttp_SetAndClear()
    {
        await using var s = await XSeriesSession.StartAsync();
        using var set = await s.Http.PostAsJsonAsync("/_control/faults", new { serverErrorRate = 1.0 });
        Assert.That((int)set.StatusCode, Is.EqualTo(200));
        Assert.That((await s.GetAsync("/api/2.0/outlets")).Status, Is.GreaterThanOrEqualTo(500));
        using var cleared = await s.Http.DeleteAsync("/_control/faults");
        Assert.That((await s.GetAsync("/api/2.0/outlets")).Status, Is.EqualTo(200));
        using var invalid = await s.Http.PostAsJsonAsync("/_control/faults", new { throttleRate = 2.0 });
        Assert.That((int)invalid.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task StartAsync_BadOptions_ThrowsNamingTheOption()
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(async () => await XSeriesEmulator.StartAsync(new XSeriesEmulatorOptions { Outlets = 0, WebhookDropRate = 2 }));
        Assert.That(ex!.Message, Does.Contain("Outlets:").And.Contain("WebhookDropRate:"));
        await Task.CompletedTask;
    }
}
