using System.Text.Json;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// <c>lightbridge sync</c> with <c>Mapping:Profile = Opportunity</c>, as an operator runs it: a real process, a settings
/// file, both emulators on loopback; sales land as opportunities with their products, and a second pass inserts nothing.
/// </summary>
[TestFixture]
public sealed class OpportunityProfileCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-opportunity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Sync_OpportunityProfile_OneOpportunityPerSaleOneProductPerLineThenNothingNew()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 8, Shops = 2, Customers = 6, Items = 15, Sales = 25, Bucket = BucketMode.Off });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = EmulatorSettingsFile.Write(_directory, lightspeed, org, new Dictionary<string, object> { ["Mapping"] = new { Profile = "Opportunity" } });
        var (sales, lines) = await CompletedSalesAsync(lightspeed);

        using (var first = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config))
        {
            Assert.That(await first.WaitForExitAsync(Timeout), Is.Zero, first.StandardError + first.StandardOutput);
        }

        var inserts = Inserts(org);
        using (var second = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config))
        {
            Assert.That(await second.WaitForExitAsync(Timeout), Is.Zero, second.StandardError + second.StandardOutput);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Count(org, "Opportunity"), Is.EqualTo(sales));
            Assert.That(Count(org, "OpportunityLineItem"), Is.EqualTo(lines));
            Assert.That(Count(org, "PricebookEntry"), Is.EqualTo(15 + 1), "one standard price per item, and the miscellaneous product's");
            Assert.That(Count(org, "Lightspeed_Sale__c"), Is.Zero);
            Assert.That(Count(org, "Lightspeed_Payment__c"), Is.Zero);
            Assert.That(Inserts(org), Is.EqualTo(inserts), "the second pass inserted nothing");
        });
    }

    /// <summary>The completed sales and their lines, read through the Lightspeed API (one page: fewer than 100 sales).</summary>
    private static async Task<(int Sales, int Lines)> CompletedSalesAsync(LightspeedEmulator lightspeed)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", lightspeed.Control.IssueAccessToken());
        var url = new Uri(lightspeed.BaseUrl, $"API/V3/Account/{lightspeed.AccountId}/Sale.json?completed=true&load_relations=%5B%22SaleLines%22%5D");
        using var json = JsonDocument.Parse(await http.GetStringAsync(url));
        var sales = AsList(json.RootElement.GetProperty("Sale"));
        var lines = sales.Sum(s => s.TryGetProperty("SaleLines", out var relation) && relation.ValueKind == JsonValueKind.Object
            ? AsList(relation.GetProperty("SaleLine")).Count
            : 0);
        return (sales.Count, lines);
    }

    // Lightspeed sends a one-element relation as an object, not an array (shared/reference/lightspeed-api.md).
    private static List<JsonElement> AsList(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element];

    private static int Count(SalesforceEmulator org, string sObject) =>
        org.Control.Query($"SELECT COUNT() FROM {sObject}")["totalSize"]!.GetValue<int>();

    private static long Inserts(SalesforceEmulator org) =>
        org.Control.Counters.Where(c => c.Key.StartsWith("dml.insert.", StringComparison.Ordinal) && !c.Key.Contains("Lightspeed_Sync_", StringComparison.Ordinal)).Sum(c => c.Value);
}
