using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Emulators.XSeries;
using Lightbridge.State;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// <c>lightbridge run</c> against an X-Series account: its webhooks wake the worker for the entity they announce, and
/// the <c>version</c>-cursor poll on the schedule catches the changes whose webhook was lost (30 % here).
/// </summary>
[TestFixture]
public sealed partial class XSeriesRunCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private string _directory = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-xseries-run-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _http = new HttpClient { Timeout = Timeout };
    }

    [TearDown]
    public void DeleteDirectory()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task Run_ThirtyPercentOfWebhooksDropped_DeliveredOnesTriggerPasses_ThePollCatchesTheRest()
    {
        await using var xseries = await XSeriesEmulator.StartAsync(new XSeriesEmulatorOptions
        {
            Seed = 9, Outlets = 2, RegistersPerOutlet = 1, Customers = 8, Products = 12, Sales = 6, RateLimit = false, WebhookDropRate = 0.3,
        });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var prefix = xseries.DomainPrefix;

        // The account brought in by a first sync.
        using (var sync = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", WriteConfig(xseries, org, schedules: "")))
        {
            Assert.That(await sync.WaitForExitAsync(Timeout), Is.Zero, sync.StandardError);
        }

        // Webhooks alone (no schedule): the shop rings up sales and moves stock; a third of the notices are lost.
        var sales = new List<string>();
        var stock = new List<(string Product, string Outlet, int Level)>();
        using (var worker = LightbridgeProcess.StartIn(_directory, null, "run", "--config", WriteConfig(xseries, org, schedules: "")))
        {
            var health = new Uri(HealthUrl().Match(await worker.WaitForLineContainingAsync("Serving health and metrics at ", Timeout)).Value);
            foreach (var type in new[] { "sale.update", "customer.update", "product.update", "inventory.update" })
            {
                xseries.Control.AddWebhook(type, new Uri(health, "/webhooks/lightspeed"));
            }

            var customers = xseries.Control.CustomerIds();
            var outlets = xseries.Control.OutletIds();
            var products = xseries.Control.ProductIds();
            for (var i = 0; i < 10; i++)
            {
                sales.Add(xseries.Control.CreateSale(i % 3 == 0 ? null : customers[i % customers.Count]).Id);
            }

            // Stock set after the sales, which sell some of it.
            for (var i = 0; i < 10; i++)
            {
                stock.Add((products[i % products.Count], outlets[i % outlets.Count], 40 + i));
                xseries.Control.SetInventoryLevel(products[i % products.Count], outlets[i % outlets.Count], 40 + i);
            }

            // Every sale's notice has an outcome; those delivered woke a pass that wrote the sale.
            await WaitUntilAsync(() => sales.All(id => xseries.Control.WebhookDeliveries().Any(d => d.Type == "sale.update" && d.RecordId == id)), "every sale notice sent or dropped", worker);
            var delivered = xseries.Control.WebhookDeliveries().Where(d => d.Type == "sale.update" && d.Outcome == XSeriesWebhookOutcome.Sent).Select(d => d.RecordId).ToHashSet();
            Assert.That(delivered, Is.Not.Empty.And.Count.LessThan(sales.Count + 1));
            await WaitUntilAsync(() => delivered.All(id => Count(org, $"Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c = '{prefix}-{id}'") == 1), "every sale whose notice arrived", worker);
            worker.Terminate();
            Assert.That(await worker.WaitForExitAsync(Timeout), Is.Zero, worker.StandardError);
        }

        var counters = xseries.Control.GetCounters();
        Assert.That(counters.WebhooksDropped, Is.GreaterThan(0), "webhooks were really dropped");
        using (var state = StateStore.Open(new StateOptions { Path = Path.Combine(_directory, "state.db") }, TimeProvider.System))
        {
            var runs = state.Runs.LastRuns(50);
            Assert.That(runs.Where(r => r.Trigger == RunTrigger.Webhook).Select(r => r.Entity), Does.Contain("Sale"), "delivered webhooks started passes of their entity");
            Assert.That(runs.Where(r => r.Trigger == RunTrigger.Webhook).Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
        }

        // With the poll on its schedule, every change lands, those whose notice was lost included.
        using (var worker = LightbridgeProcess.StartIn(_directory, null, "run", "--config", WriteConfig(xseries, org, schedules: "*/5 * * * * *")))
        {
            await worker.WaitForLineContainingAsync("Serving health and metrics at ", Timeout);
            await WaitUntilAsync(
                () => sales.All(id => Count(org, $"Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c = '{prefix}-{id}'") == 1)
                    && stock.All(s => StockOf(org, prefix, s.Product, s.Outlet) == s.Level),
                "every change in Salesforce", worker);
            worker.Terminate();
            Assert.That(await worker.WaitForExitAsync(Timeout), Is.Zero, worker.StandardError);
        }

        Assert.That(Count(org, "Lightspeed_Sale__c"), Is.EqualTo(Count(org, "Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c LIKE '" + prefix + "-%'")), "every sale is the account's");
    }

    [Test]
    public async Task Run_UnsignedOrForgedWebhook_Refused()
    {
        await using var xseries = await XSeriesEmulator.StartAsync(new XSeriesEmulatorOptions { Seed = 3, Outlets = 1, Customers = 2, Products = 2, Sales = 1, RateLimit = false });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        using var worker = LightbridgeProcess.StartIn(_directory, null, "run", "--config", WriteConfig(xseries, org, schedules: ""));
        var health = new Uri(HealthUrl().Match(await worker.WaitForLineContainingAsync("Serving health and metrics at ", Timeout)).Value);
        var endpoint = new Uri(health, "/webhooks/lightspeed");

        using var unsigned = await _http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["type"] = "sale.update", ["payload"] = "{}" }));
        using var forged = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["type"] = "sale.update", ["payload"] = "{}" }) };
        forged.Headers.Add("X-Signature", "signature=00ff,algorithm=HMAC-SHA256");
        using var forgedResponse = await _http.SendAsync(forged);
        worker.Terminate();
        Assert.That(await worker.WaitForExitAsync(Timeout), Is.Zero, worker.StandardError);

        Assert.That((int)unsigned.StatusCode, Is.EqualTo(401));
        Assert.That((int)forgedResponse.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task Sync_XSeriesAccount_WritesIt_ThenAnUnreachableApiExitsThree()
    {
        var xseries = await XSeriesEmulator.StartAsync(new XSeriesEmulatorOptions { Seed = 5, Outlets = 2, Customers = 6, Products = 8, Sales = 5, RateLimit = false });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(xseries, org, schedules: "");

        using (var sync = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config))
        {
            Assert.That(await sync.WaitForExitAsync(Timeout), Is.Zero, sync.StandardError);
            Assert.That(sync.StandardOutput, Does.Contain("Sale").And.Contain("Succeeded"));
        }

        Assert.Multiple(() =>
        {
            Assert.That(Count(org, "Lightspeed_Store__c"), Is.EqualTo(2));
            Assert.That(Count(org, "Product2"), Is.EqualTo(8));
            Assert.That(Count(org, $"Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c LIKE '{xseries.DomainPrefix}-%'"), Is.GreaterThan(0));
        });

        await xseries.DisposeAsync();
        using var again = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config);
        Assert.That(await again.WaitForExitAsync(Timeout), Is.EqualTo(3), again.StandardError);
        Assert.That(again.StandardError, Does.Contain("the sync stopped"));
    }

    private string WriteConfig(XSeriesEmulator xseries, SalesforceEmulator org, string schedules = "*/10 * * * * *")
    {
        var settings = new Dictionary<string, object>
        {
            ["Lightspeed"] = new
            {
                Series = "X",
                xseries.DomainPrefix,
                BaseUrl = xseries.BaseUrl.ToString(),
                TokenUrl = xseries.TokenUrl.ToString(),
                xseries.ClientId,
                xseries.ClientSecret,
                RefreshToken = xseries.InitialRefreshToken,
                TransientRetryBaseDelay = "00:00:00.010",
                TransientRetryMaxDelay = "00:00:00.050",
            },
            ["Salesforce"] = new { LoginUrl = org.LoginUrl.ToString(), Auth = "ClientCredentials", org.ClientId, org.ClientSecret },
            ["State"] = new { Path = Path.Combine(_directory, "state.db") },
            ["Health"] = new { Urls = "http://127.0.0.1:0" },
            ["Resync"] = new { Enabled = false },
            ["Webhooks"] = new { Enabled = true },

            // A poll every 10 seconds: the safety net for lost webhooks, slow enough that the webhooks show.
            ["Sync"] = new { Schedules = new { Shop = schedules, Item = schedules, ItemShop = schedules, Customer = schedules, Sale = schedules } },
        };
        var path = Path.Combine(_directory, "settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, LightbridgeProcess worker, Func<string>? explain = null)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            if (worker.HasExited || cts.IsCancellationRequested)
            {
                Assert.Fail($"{what}: not reached (worker exited: {worker.HasExited}). {explain?.Invoke()}\n{worker.StandardError}\n{worker.StandardOutput}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
    }

    private static int Count(SalesforceEmulator org, string from) =>
        org.Control.Query(string.Create(CultureInfo.InvariantCulture, $"SELECT COUNT() FROM {from}"))["totalSize"]!.GetValue<int>();

    private static decimal? StockOf(SalesforceEmulator org, string prefix, string product, string outlet)
    {
        var rows = org.Control.Query(
            $"SELECT Quantity_On_Hand__c FROM Lightspeed_Inventory__c WHERE Product__r.Lightspeed_Item_Id__c = '{prefix}-{product}' AND Store__r.Lightspeed_Shop_Id__c = '{prefix}-{outlet}'")["records"]!.AsArray();
        return rows.Count == 1 && rows[0]!["Quantity_On_Hand__c"] is { } value ? decimal.Parse(value.ToString(), CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex HealthUrl();
}
