using System.Text.Json;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// <c>lightbridge sync</c> and <c>lightbridge replay</c> as an operator runs them: a real process, a settings file, both
/// emulators on loopback.
/// </summary>
[TestFixture]
public sealed class SyncCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-sync-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Sync_CatalogOfAGeneratedAccount_WritesStoresProductsAndStockThenNothingOnASecondPass()
    {
        // No customers: every sale is a walk-in, so the sale pass needs no Contact in the org.
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 4, Shops = 2, Customers = 0, Items = 25, Sales = 10, Bucket = BucketMode.Real });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(lightspeed, org);

        using (var first = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config))
        {
            Assert.That(await first.WaitForExitAsync(Timeout), Is.Zero, first.StandardError + first.StandardOutput);
        }

        Assert.That(Count(org, "Lightspeed_Store__c"), Is.EqualTo(2));
        Assert.That(Count(org, "Product2"), Is.EqualTo(25));
        Assert.That(Count(org, "Lightspeed_Inventory__c"), Is.EqualTo(50), "one stock row per item and shop; the all-shops summary row is not a store's stock");
        var runsAfterFirst = Count(org, "Lightspeed_Sync_Run__c");
        Assert.That(runsAfterFirst, Is.GreaterThanOrEqualTo(4), "one run record per entity, for admins");
        var writesAfterFirst = org.Control.ApiCallsToday;
        var dataWritesAfterFirst = DataRecordWrites(org);

        using (var second = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config))
        {
            Assert.That(await second.WaitForExitAsync(Timeout), Is.Zero, second.StandardError);
            Assert.That(second.StandardOutput, Does.Contain("created       0").And.Not.Contain("Failed "));
        }

        using var status = LightbridgeProcess.StartIn(_directory, null, "status", "--json", "--config", config);
        Assert.That(await status.WaitForExitAsync(Timeout), Is.Zero, status.StandardError);
        using var json = JsonDocument.Parse(status.StandardOutput);
        Assert.That(json.RootElement.GetProperty("checkpoints").EnumerateArray().Select(c => c.GetProperty("entity").GetString()), Is.SupersetOf(new[] { "Shop", "Item", "ItemShop", "Sale" }), "no customers in this account, so no customer checkpoint");
        Assert.That(DataRecordWrites(org), Is.EqualTo(dataWritesAfterFirst), "the second pass wrote no store, product or stock record");
        Assert.That(Count(org, "Lightspeed_Sync_Run__c"), Is.EqualTo(2 * runsAfterFirst), "one run record per entity and pass");
        Assert.That(org.Control.ApiCallsToday - writesAfterFirst, Is.LessThan(10), "the second pass only asked, and reported its runs");
    }

    [Test]
    public async Task SyncThenReplay_StoreRefusedUntilTheAdminFixesTheOrg_ErrorsShownInSalesforceThenResolvedWithoutDuplicates()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 4, Shops = 2, Customers = 0, Items = 5, Sales = 10, Bucket = BucketMode.Off });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(lightspeed, org);
        // A store an admin made by hand holds the code the first shop derives (Store_Code__c is unique).
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", lightspeed.Control.IssueAccessToken());
        using var shops = JsonDocument.Parse(await http.GetStringAsync(new Uri(lightspeed.BaseUrl, $"API/V3/Account/{lightspeed.AccountId}/Shop.json")));
        var shop = shops.RootElement.GetProperty("Shop");
        shop = shop.ValueKind == JsonValueKind.Array ? shop[0] : shop;
        var code = Core.Normalization.ShopNormalizer.StoreCode(
            new Core.Identity.ExternalId(new Core.Model.LightspeedId(lightspeed.AccountId), new Core.Model.LightspeedId(shop.GetProperty("shopID").GetString()!)));
        var manual = org.Control.LoadRecords("Lightspeed_Store__c", [new System.Text.Json.Nodes.JsonObject { ["Name"] = "Manual", ["Store_Code__c"] = code }]).Single();

        using (var sync = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config))
        {
            Assert.That(await sync.WaitForExitAsync(Timeout), Is.EqualTo(1), sync.StandardError + sync.StandardOutput);
        }

        var syncRuns = Count(org, "Lightspeed_Sync_Run__c");
        var open = org.Control.Query("SELECT Error_Key__c, Status__c FROM Lightspeed_Sync_Error__c")["records"]!.AsArray();
        Assert.That(open.Select(e => (string?)e!["Status__c"]), Is.All.EqualTo("Open"));
        Assert.That(open.Select(e => (string?)e!["Error_Key__c"]), Has.Some.StartsWith("Shop:"), "the admin sees the refused store");

        org.Control.Delete("Lightspeed_Store__c", manual);
        using (var replay = LightbridgeProcess.StartIn(_directory, null, "replay", "--config", config))
        {
            Assert.That(await replay.WaitForExitAsync(Timeout), Is.Zero, replay.StandardError + replay.StandardOutput);
            Assert.That(replay.StandardOutput, Does.Contain("Shop").And.Contain("ItemShop"));
        }

        var after = org.Control.Query("SELECT Status__c FROM Lightspeed_Sync_Error__c")["records"]!.AsArray();
        Assert.That(after, Has.Count.EqualTo(open.Count), "the same errors, updated");
        Assert.That(after.Select(e => (string?)e!["Status__c"]), Is.All.EqualTo("Resolved"));
        Assert.That(Count(org, "Lightspeed_Store__c"), Is.EqualTo(2), "one store per shop, none twice");
        Assert.That(Count(org, "Lightspeed_Inventory__c"), Is.EqualTo(10));
        Assert.That(Count(org, "Lightspeed_Sync_Run__c"), Is.EqualTo(syncRuns + 3), "and three replay runs: the store, its stock and its sales");
    }

    [Test]
    public async Task Sync_SeveralSettingsMissing_ExitsTwoNamingEachOfThem()
    {
        var config = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Lightspeed = new { BaseUrl = "http://127.0.0.1:9" } }));

        using var process = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config);

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain("Lightspeed:AccountId").And.Contain("Lightspeed:RefreshToken").And.Contain("Salesforce").And.Contain("State:Path"));
    }

    [Test]
    public async Task Sync_BadMatchingSettings_ExitsTwoNamingEachOfThem()
    {
        var config = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Lightspeed = new { BaseUrl = "http://127.0.0.1:9", TokenUrl = "http://127.0.0.1:9/token", AccountId = "1", ClientId = "c", ClientSecret = "s", RefreshToken = "r" },
            Salesforce = new { LoginUrl = "http://127.0.0.1:9", Auth = "ClientCredentials", ClientId = "c", ClientSecret = "s" },
            State = new { Path = Path.Combine(_directory, "state.db") },
            Matching = new { Rules = "Email, Fax", AccountStrategy = "DefaultAccount" },
        }));

        using var process = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config);

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain("Matching:Rules").And.Contain("Matching:DefaultAccountId"));
    }

    [Test]
    public async Task Sync_LightspeedUnreachable_ExitsThree()
    {
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        // A Lightspeed emulator that is started and stopped again leaves a port nobody listens on.
        var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Customers = 1, Items = 1, Sales = 1 });
        var config = WriteConfig(lightspeed, org, maxRetries: 0);
        await lightspeed.DisposeAsync();

        using var process = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config);

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(3), process.StandardError);
        Assert.That(process.StandardError, Does.Contain("the sync stopped"));
    }

    private string WriteConfig(LightspeedEmulator lightspeed, SalesforceEmulator org, int maxRetries = 5)
    {
        var path = Path.Combine(_directory, "settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Lightspeed = new
            {
                BaseUrl = lightspeed.BaseUrl.ToString(),
                TokenUrl = lightspeed.TokenUrl.ToString(),
                lightspeed.AccountId,
                lightspeed.ClientId,
                lightspeed.ClientSecret,
                RefreshToken = lightspeed.InitialRefreshToken,
                MaxTransientRetries = maxRetries,
                TransientRetryBaseDelay = "00:00:00.010",
                TransientRetryMaxDelay = "00:00:00.050",
            },
            Salesforce = new { LoginUrl = org.LoginUrl.ToString(), Auth = "ClientCredentials", org.ClientId, org.ClientSecret },
            State = new { Path = Path.Combine(_directory, "state.db") },
        }));
        return path;
    }

    private static int Count(SalesforceEmulator org, string sObject) =>
        org.Control.Query($"SELECT COUNT() FROM {sObject}")["totalSize"]!.GetValue<int>();

    /// <summary>Records inserted or updated in the org, sync runs and errors aside.</summary>
    private static long DataRecordWrites(SalesforceEmulator org) =>
        org.Control.Counters.Where(c => c.Key.StartsWith("dml.", StringComparison.Ordinal) && !c.Key.Contains("Lightspeed_Sync_", StringComparison.Ordinal)).Sum(c => c.Value);
}
