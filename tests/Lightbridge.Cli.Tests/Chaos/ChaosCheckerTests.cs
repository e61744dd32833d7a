using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Tests.Chaos;

/// <summary>
/// The chaos checker can fail: after a clean sync it finds nothing, and each kind of damage done to the org behind the
/// sync's back (a record deleted, a customer twice, a record Lightspeed never had, a broken link) is counted.
/// </summary>
[TestFixture]
public sealed class ChaosCheckerTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-chaos-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Check_AfterCleanSyncThenTampering_FindsEveryKindOfDamage()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 5, Shops = 2, Customers = 12, Items = 15, Sales = 10, Bucket = BucketMode.Off });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp, BulkProcessingTime = TimeSpan.FromMilliseconds(100) });
        using (var sync = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", WriteConfig(lightspeed, org)))
        {
            Assert.That(await sync.WaitForExitAsync(TimeSpan.FromSeconds(120)), Is.Zero, sync.StandardError + sync.StandardOutput);
        }

        using var http = new HttpClient();
        var reader = new LightspeedReader(http, lightspeed.BaseUrl, lightspeed.AccountId, lightspeed.Control.IssueAccessToken());
        var clean = await ChaosChecker.CheckAsync(reader, lightspeed.AccountId, org, []);
        Assert.That(clean.Clean, Is.True, string.Join("\n", clean.Findings));
        Assert.That(clean.Compared, Is.GreaterThan(50));

        // A payment deleted; a product deleted (its inventory rows lose their link); a Lead carrying a Contact's
        // external id; a store Lightspeed never had.
        org.Control.Delete("Lightspeed_Payment__c", FirstId(org, "SELECT Id FROM Lightspeed_Payment__c"));
        org.Control.Delete("Product2", FirstId(org, "SELECT Product__c FROM Lightspeed_Inventory__c", "Product__c"));
        var contact = org.Control.Query("SELECT Lightspeed_Customer_Id__c FROM Contact WHERE Lightspeed_Customer_Id__c != null")["records"]!.AsArray()[0]!;
        org.Control.LoadRecords("Lead", [new JsonObject { ["LastName"] = "Twice", ["Company"] = "Twice", ["Lightspeed_Customer_Id__c"] = contact["Lightspeed_Customer_Id__c"]!.GetValue<string>() }]);
        org.Control.LoadRecords("Lightspeed_Store__c", [new JsonObject { ["Name"] = "Nowhere", ["Lightspeed_Shop_Id__c"] = lightspeed.AccountId + "-999", ["Store_Code__c"] = "NOWHERE" }]);

        var damaged = await ChaosChecker.CheckAsync(reader, lightspeed.AccountId, org, []);
        Assert.Multiple(() =>
        {
            Assert.That(damaged.Lost, Is.EqualTo(2), "the payment and the product");
            Assert.That(damaged.Duplicated, Is.EqualTo(1), "the customer on a Contact and a Lead");
            Assert.That(damaged.Unexpected, Is.EqualTo(1), "the store Lightspeed never had");
            Assert.That(damaged.FieldsDifferent, Is.GreaterThan(0), "inventory rows that lost their product");
            Assert.That(damaged.Clean, Is.False);
        });
    }

    private static string FirstId(SalesforceEmulator org, string soql, string field = "Id") =>
        org.Control.Query(soql)["records"]!.AsArray().Select(r => r![field]?.GetValue<string>()).First(id => id is not null)!;

    private string WriteConfig(LightspeedEmulator lightspeed, SalesforceEmulator org)
    {
        var path = Path.Combine(_directory, "lightbridge.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Lightspeed = new
            {
                BaseUrl = lightspeed.BaseUrl.ToString(),
                TokenUrl = lightspeed.TokenUrl.ToString(),
                lightspeed.AccountId,
                lightspeed.ClientId,
                lightspeed.ClientSecret,
                RefreshToken = lightspeed.Control.IssueRefreshToken(),
            },
            Salesforce = new
            {
                LoginUrl = org.LoginUrl.ToString(), Auth = "ClientCredentials", org.ClientId, org.ClientSecret,
                BulkPollInitialDelay = "00:00:00.050", BulkPollMaxDelay = "00:00:00.200",
            },
            State = new { Path = Path.Combine(_directory, "state.db") },
        }));
        return path;
    }
}
