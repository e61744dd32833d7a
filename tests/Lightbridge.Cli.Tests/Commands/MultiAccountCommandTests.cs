using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Emulators.XSeries;
using Lightbridge.State;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// One deployment serving two Lightspeed accounts, one of each series (<c>Lightspeed:Accounts</c>): the verbs and the
/// worker sync both into the one org, each account with its own checkpoints and its own rotating tokens.
/// </summary>
[TestFixture]
public sealed partial class MultiAccountCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-multi-account-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Sync_AnRSeriesAndAnXSeriesAccount_BothLandInTheOrg_TwiceWithoutDuplicates()
    {
        await using var rseries = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 4, Shops = 2, Customers = 6, Items = 7, Sales = 6, Bucket = BucketMode.Off });
        await using var xseries = await XSeriesEmulator.StartAsync(new XSeriesEmulatorOptions { Seed = 4, Outlets = 3, Customers = 5, Products = 9, Sales = 5, RateLimit = false });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(rseries, xseries, org);

        for (var pass = 1; pass <= 2; pass++)
        {
            using var sync = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config);
            Assert.That(await sync.WaitForExitAsync(Timeout), Is.Zero, sync.StandardError);
            Assert.That(sync.StandardOutput, Does.Contain(rseries.AccountId + " Sale").And.Contain(xseries.DomainPrefix + " Sale"), "one line per account and entity");
        }

        Assert.Multiple(() =>
        {
            Assert.That(Count(org, $"Lightspeed_Store__c WHERE Lightspeed_Shop_Id__c LIKE '{rseries.AccountId}-%'"), Is.EqualTo(2));
            Assert.That(Count(org, $"Lightspeed_Store__c WHERE Lightspeed_Shop_Id__c LIKE '{xseries.DomainPrefix}-%'"), Is.EqualTo(3));
            Assert.That(Count(org, $"Product2 WHERE Lightspeed_Item_Id__c LIKE '{xseries.DomainPrefix}-%'"), Is.EqualTo(9));
            Assert.That(Count(org, $"Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c LIKE '{rseries.AccountId}-%'"), Is.GreaterThan(0));
            Assert.That(Count(org, $"Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c LIKE '{xseries.DomainPrefix}-%'"), Is.GreaterThan(0));
        });

        // Each account keeps its own checkpoints and its own rotated refresh token in the one state file.
        using var state = StateStore.Open(new StateOptions { Path = Path.Combine(_directory, "state.db") }, TimeProvider.System);
        var checkpoints = state.Checkpoints.List();
        Assert.That(checkpoints.Select(c => c.AccountId).Distinct(), Is.EquivalentTo(new[] { rseries.AccountId, xseries.DomainPrefix }));
        Assert.That(checkpoints.Where(c => c.AccountId == xseries.DomainPrefix).Select(c => c.Version), Has.All.Not.Null, "the X-Series account resumes by version");
        var first = await state.TokensFor(TokenStore.DefaultKey).LoadAsync(CancellationToken.None);
        var second = await state.TokensFor($"{TokenStore.DefaultKey}:{xseries.DomainPrefix}").LoadAsync(CancellationToken.None);
        Assert.That(first!.RefreshToken, Is.Not.EqualTo(rseries.InitialRefreshToken), "the R-Series token was rotated and kept");
        Assert.That(second!.RefreshToken, Is.Not.EqualTo(xseries.InitialRefreshToken), "the X-Series token was rotated and kept apart");
    }

    [Test]
    public async Task Sync_SameAccountTwice_ExitsTwoNamingTheSecond()
    {
        await using var rseries = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 4, Shops = 1, Customers = 1, Items = 1, Sales = 1, Bucket = BucketMode.Off });
        await using var xseries = await XSeriesEmulator.StartAsync(new XSeriesEmulatorOptions { Seed = 4, Outlets = 1, Customers = 1, Products = 1, Sales = 1, RateLimit = false });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(rseries, xseries, org, duplicateFirst: true);

        using var sync = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config);
        Assert.That(await sync.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(sync.StandardError, Does.Contain("Lightspeed:Accounts:1").And.Contain("configured twice"));
    }

    [Test]
    public async Task MatchReport_TwoAccounts_ExitsTwoNamingTheAccountsList()
    {
        await using var rseries = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 4, Shops = 1, Customers = 1, Items = 1, Sales = 1, Bucket = BucketMode.Off });
        await using var xseries = await XSeriesEmulator.StartAsync(new XSeriesEmulatorOptions { Seed = 4, Outlets = 1, Customers = 1, Products = 1, Sales = 1, RateLimit = false });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });

        using var report = LightbridgeProcess.StartIn(_directory, null, "match-report", "--config", WriteConfig(rseries, xseries, org), "--out", Path.Combine(_directory, "report"));
        Assert.That(await report.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(report.StandardError, Does.Contain("Lightspeed:Accounts").And.Contain("one account"));
    }

    [Test]
    public async Task Run_BothAccounts_ScheduledPassesWriteBoth()
    {
        await using var rseries = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 6, Shops = 2, Customers = 4, Items = 5, Sales = 4, Bucket = BucketMode.Off });
        await using var xseries = await XSeriesEmulator.StartAsync(new XSeriesEmulatorOptions { Seed = 6, Outlets = 2, Customers = 4, Products = 6, Sales = 4, RateLimit = false });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(rseries, xseries, org, schedules: "*/5 * * * * *");

        using var worker = LightbridgeProcess.StartIn(_directory, null, "run", "--config", config);
        var health = new Uri(HealthUrl().Match(await worker.WaitForLineContainingAsync("Serving health and metrics at ", Timeout)).Value);
        using var cts = new CancellationTokenSource(Timeout);
        while (Count(org, $"Product2 WHERE Lightspeed_Item_Id__c LIKE '{rseries.AccountId}-%'") != 5 || Count(org, $"Product2 WHERE Lightspeed_Item_Id__c LIKE '{xseries.DomainPrefix}-%'") != 6)
        {
            Assert.That(worker.HasExited || cts.IsCancellationRequested, Is.False, worker.StandardError);
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }

        using var http = new HttpClient();
        using var ready = await http.GetAsync(new Uri(health, "/readyz"));
        worker.Terminate();
        Assert.That(await worker.WaitForExitAsync(Timeout), Is.Zero, worker.StandardError);
        Assert.That((int)ready.StatusCode, Is.EqualTo(200), "ready only when every account answers");
    }

    private string WriteConfig(LightspeedEmulator rseries, XSeriesEmulator xseries, SalesforceEmulator org, string schedules = "", bool duplicateFirst = false)
    {
        object r = new
        {
            BaseUrl = rseries.BaseUrl.ToString(), TokenUrl = rseries.TokenUrl.ToString(), rseries.AccountId, rseries.ClientId, rseries.ClientSecret,
            RefreshToken = rseries.InitialRefreshToken, TransientRetryBaseDelay = "00:00:00.010", TransientRetryMaxDelay = "00:00:00.050",
        };
        object x = new
        {
            Series = "X", xseries.DomainPrefix, BaseUrl = xseries.BaseUrl.ToString(), TokenUrl = xseries.TokenUrl.ToString(), xseries.ClientId, xseries.ClientSecret,
            RefreshToken = xseries.InitialRefreshToken, TransientRetryBaseDelay = "00:00:00.010", TransientRetryMaxDelay = "00:00:00.050",
        };
        var settings = new Dictionary<string, object>
        {
            ["Lightspeed"] = new { Accounts = duplicateFirst ? new[] { r, r } : new[] { r, x } },
            ["Salesforce"] = new { LoginUrl = org.LoginUrl.ToString(), Auth = "ClientCredentials", org.ClientId, org.ClientSecret },
            ["State"] = new { Path = Path.Combine(_directory, "state.db") },
            ["Health"] = new { Urls = "http://127.0.0.1:0" },
            ["Resync"] = new { Enabled = false },
            ["Sync"] = new { Schedules = new { Shop = schedules, Item = schedules, ItemShop = schedules, Customer = schedules, Sale = schedules } },
        };
        var path = Path.Combine(_directory, "settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    private static int Count(SalesforceEmulator org, string from) =>
        org.Control.Query(string.Create(CultureInfo.InvariantCulture, $"SELECT COUNT() FROM {from}"))["totalSize"]!.GetValue<int>();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex HealthUrl();
}
