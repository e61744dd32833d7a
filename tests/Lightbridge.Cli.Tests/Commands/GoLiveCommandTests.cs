using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Salesforce;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// <c>lightbridge match-report</c> and <c>lightbridge reconcile</c> as an operator runs them: a real process, a settings
/// file, both emulators on loopback, exit codes and output files checked.
/// </summary>
[TestFixture]
public sealed class GoLiveCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-golive-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task MatchReport_MessyOrg_WritesCsvAndSummaryAndNothingElse()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 21, Shops = 2, Customers = 40, Items = 3, Sales = 3, Bucket = BucketMode.Off });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        org.Control.LoadRecords("Contact", [new JsonObject { ["LastName"] = "Twin", ["Email"] = "twin@example.com" }, new JsonObject { ["LastName"] = "Twain", ["Email"] = "TWIN@example.com" }]);
        var config = EmulatorSettingsFile.Write(_directory, lightspeed, org);
        var dmlBefore = Dml(org);
        var lightspeedBefore = lightspeed.Control.GetCounters();

        Directory.CreateDirectory(Path.Combine(_directory, "report"));
        using var process = LightbridgeProcess.StartIn(_directory, null, "match-report", "--out", "report/customers.csv", "--config", config);
        var exit = await process.WaitForExitAsync(Timeout);

        Assert.That(exit, Is.Zero, process.StandardError + process.StandardOutput);
        var csv = await File.ReadAllLinesAsync(Path.Combine(_directory, "report", "customers.csv"));
        var summary = await File.ReadAllTextAsync(Path.Combine(_directory, "report", "customers.md"));
        Assert.Multiple(() =>
        {
            Assert.That(csv, Has.Length.EqualTo(41), "a header and one row per customer");
            Assert.That(csv[0], Does.StartWith("LightspeedId,ExternalId,Email,Phone,Outcome,Rule"));
            Assert.That(csv.Skip(1).Select(l => l.Split(',')[4]), Is.All.AnyOf("Matched", "CreatedAsContact", "CreatedAsLead", "Ambiguous", "Invalid", "RecordMissing"));
            Assert.That(summary, Does.Contain("# Lightbridge match report").And.Contain("Salesforce duplicates to merge").And.Contain("t***@example.com"));
            Assert.That(summary, Does.Not.Contain("twin@example.com"), "emails are masked");
            Assert.That(process.StandardOutput, Does.Contain("customers 40"));
            Assert.That(Dml(org), Is.EqualTo(dmlBefore), "nothing was written to Salesforce, not even a run record");
            Assert.That(lightspeed.Control.GetCounters().TotalRequests, Is.GreaterThan(lightspeedBefore.TotalRequests), "Lightspeed was read (its API has no writes)");
        });

        using var status = LightbridgeProcess.StartIn(_directory, null, "status", "--json", "--config", config);
        Assert.That(await status.WaitForExitAsync(Timeout), Is.Zero, status.StandardError);
        using var json = JsonDocument.Parse(status.StandardOutput);
        Assert.That(json.RootElement.GetProperty("checkpoints").GetArrayLength(), Is.Zero, "the report does not touch the checkpoints");
    }

    [Test]
    public async Task MatchReport_OutFolderMissing_ExitsTwoNamingTheOption()
    {
        using var process = LightbridgeProcess.StartIn(_directory, null, "match-report", "--out", Path.Combine(_directory, "nowhere", "r.csv"));

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain("--out"));
    }

    [Test]
    public async Task Reconcile_SalesDeletedAndAltered_FindsThemThenHealRestoresThem()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 4, Shops = 2, Customers = 0, Items = 10, Sales = 20, Bucket = BucketMode.Off });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp, BulkProcessingTime = TimeSpan.FromMilliseconds(100) });
        var config = EmulatorSettingsFile.Write(_directory, lightspeed, org);
        using (var sync = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config))
        {
            Assert.That(await sync.WaitForExitAsync(Timeout), Is.Zero, sync.StandardError + sync.StandardOutput);
        }

        var sales = org.Control.Query("SELECT Id, Lightspeed_Sale_Id__c, Total__c, Sale_Time__c FROM Lightspeed_Sale__c WHERE Status__c = 'Completed' ORDER BY Sale_Time__c")["records"]!.AsArray();
        var from = Day(sales[0]!["Sale_Time__c"]!.GetValue<string>());
        var to = Day(sales[^1]!["Sale_Time__c"]!.GetValue<string>());
        org.Control.Delete("Lightspeed_Sale__c", sales[0]!["Id"]!.GetValue<string>());
        await PatchTotalAsync(org, sales[1]!["Id"]!.GetValue<string>(), sales[1]!["Total__c"]!.GetValue<decimal>() + 5m);

        using (var check = LightbridgeProcess.StartIn(_directory, null, "reconcile", "--from", from, "--to", to, "--config", config))
        {
            Assert.That(await check.WaitForExitAsync(Timeout), Is.EqualTo(1), check.StandardError + check.StandardOutput);
            Assert.That(check.StandardOutput, Does.Contain("MissingInSalesforce").And.Contain("DifferentValues").And.Contain("differences found"));
            Assert.That(check.StandardOutput, Does.Contain(sales[0]!["Lightspeed_Sale_Id__c"]!.GetValue<string>()));
        }

        Assert.That(OpenErrors(org), Is.EqualTo(2), "each difference is an open error in Salesforce");

        using (var heal = LightbridgeProcess.StartIn(_directory, null, "reconcile", "--from", from, "--to", to, "--heal", "--config", config))
        {
            Assert.That(await heal.WaitForExitAsync(Timeout), Is.Zero, heal.StandardError + heal.StandardOutput);
            Assert.That(heal.StandardOutput, Does.Contain("Heal: resynced 2 sale(s)").And.Contain("After the heal").And.Contain("both systems agree"));
        }

        using (var again = LightbridgeProcess.StartIn(_directory, null, "reconcile", "--from", from, "--to", to, "--config", config))
        {
            Assert.That(await again.WaitForExitAsync(Timeout), Is.Zero, again.StandardError + again.StandardOutput);
            Assert.That(again.StandardOutput, Does.Contain("both systems agree").And.Not.Contain("Sales that differ"));
        }

        Assert.Multiple(() =>
        {
            Assert.That(OpenErrors(org), Is.Zero, "the healed differences are resolved");
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Sync_Run__c WHERE Trigger__c = 'Reconcile'")["totalSize"]!.GetValue<int>(), Is.EqualTo(5), "a run per reconciliation, the heal's resync among them");
        });
    }

    [TestCase("2024-13-01", "2024-01-01", "--from")]
    [TestCase("2024-02-01", "2024-01-01", "--to")]
    public async Task Reconcile_BadDates_ExitsTwoNamingTheOption(string from, string to, string named)
    {
        using var process = LightbridgeProcess.StartIn(_directory, null, "reconcile", "--from", from, "--to", to);

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain(named));
    }

    private static string Day(string saleTime) =>
        DateTimeOffset.Parse(saleTime, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Changes a sale's total the way a user or another integration would: a REST PATCH.</summary>
    private static async Task PatchTotalAsync(SalesforceEmulator org, string id, decimal total)
    {
        using var http = new HttpClient();
        using var client = new SalesforceClient(http, new SalesforceClientOptions
        {
            LoginUrl = org.LoginUrl, Auth = SalesforceAuthFlow.ClientCredentials, ClientId = org.ClientId, ClientSecret = org.ClientSecret,
        }, TimeProvider.System);
        await client.UpdateAsync("Lightspeed_Sale__c", id, new Dictionary<string, object?> { ["Total__c"] = total });
    }

    private static int OpenErrors(SalesforceEmulator org) =>
        org.Control.Query("SELECT COUNT() FROM Lightspeed_Sync_Error__c WHERE Status__c = 'Open' AND Error_Key__c LIKE 'Reconcile:%'")["totalSize"]!.GetValue<int>();

    private static long Dml(SalesforceEmulator org) =>
        org.Control.Counters.Where(c => c.Key.StartsWith("dml.", StringComparison.Ordinal)).Sum(c => c.Value);
}
