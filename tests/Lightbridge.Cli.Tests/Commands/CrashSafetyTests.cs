using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// Crash safety: a <c>lightbridge sync</c> process killed (SIGKILL, no shutdown code) at several points of a full sync and
/// started again ends with the same Salesforce data as an uninterrupted run into a second org: no record missing, none
/// twice, every value and link the same. The kill points are chosen by how many records the org has written, so each
/// round interrupts a different stage (stores, products, stock, customers, sales with their lines, payments and rollups).
/// </summary>
[TestFixture]
public sealed class CrashSafetyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>What is compared, per object: the external id, then the fields whose values must match.</summary>
    private static readonly (string SObject, string Key, string[] Fields)[] Compared =
    [
        ("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", ["Name", "Store_Code__c", "Currency_Code__c", "Time_Zone__c"]),
        ("Product2", "Lightspeed_Item_Id__c", ["Name", "ProductCode", "IsActive"]),
        ("Lightspeed_Inventory__c", "Lightspeed_Item_Shop_Id__c", ["Quantity_On_Hand__c", "Reorder_Point__c", "Product__r.Lightspeed_Item_Id__c", "Store__r.Lightspeed_Shop_Id__c"]),
        ("Contact", "Lightspeed_Customer_Id__c", ["LastName", "Email", "Phone", "Lightspeed_Lifetime_Value__c", "Lightspeed_Purchase_Count__c"]),
        ("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", ["Status__c", "Total__c", "Tax__c", "Is_Refund__c", "Line_Count__c", "Paid__c", "Store__r.Lightspeed_Shop_Id__c", "Contact__r.Lightspeed_Customer_Id__c"]),
        ("Lightspeed_Sale_Line__c", "Lightspeed_Sale_Line_Id__c", ["Quantity__c", "Line_Total__c", "Sale__r.Lightspeed_Sale_Id__c", "Product__r.Lightspeed_Item_Id__c"]),
        ("Lightspeed_Payment__c", "Lightspeed_Payment_Id__c", ["Amount__c", "Sale__r.Lightspeed_Sale_Id__c"]),
    ];

    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-crash-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Sync_KilledAtSeveralPointsThenRestarted_SameSalesforceDataAsAnUninterruptedRun()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 17, Shops = 3, Customers = 20, Items = 120, Sales = 20, Bucket = BucketMode.Off });
        await using var reference = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp, BulkProcessingTime = TimeSpan.FromMilliseconds(100) });
        await using var crashed = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp, BulkProcessingTime = TimeSpan.FromMilliseconds(100) });

        using (var uninterrupted = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", WriteConfig("reference", lightspeed, reference)))
        {
            Assert.That(await uninterrupted.WaitForExitAsync(Timeout), Is.Zero, uninterrupted.StandardError + uninterrupted.StandardOutput);
        }

        var expected = Snapshot(reference);
        var total = DataWrites(reference);
        var config = WriteConfig("crashed", lightspeed, crashed);
        var killedAt = new List<long>();

        // Kill points spread over the run, as fractions of the writes: stores and products early, stock, then customers
        // and sales late.
        foreach (var fraction in new[] { 0.02, 0.3, 0.55, 0.85 })
        {
            var point = Math.Max(1, (long)(total * fraction));
            using var process = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config);
            while (!process.HasExited && DataWrites(crashed) < point)
            {
                await Task.Delay(2);
            }

            if (!process.HasExited)
            {
                process.Kill();
                killedAt.Add(DataWrites(crashed));
            }
        }

        using (var final = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config))
        {
            Assert.That(await final.WaitForExitAsync(Timeout), Is.Zero, final.StandardError + final.StandardOutput);
        }

        Assert.That(killedAt, Has.Count.GreaterThanOrEqualTo(2), "the process must really be killed mid-run for this test to mean anything");
        var actual = Snapshot(crashed);
        foreach (var (sObject, _, _) in Compared)
        {
            Assert.That(expected[sObject], Is.Not.Empty, $"{sObject}: the uninterrupted run wrote some");
            Assert.That(actual[sObject], Has.Count.EqualTo(expected[sObject].Count), $"{sObject}: record count");
            Assert.That(actual[sObject], Is.EquivalentTo(expected[sObject]), $"{sObject}: values and links");
        }
    }

    private string WriteConfig(string name, LightspeedEmulator lightspeed, SalesforceEmulator org)
    {
        var path = Path.Combine(_directory, name + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Lightspeed = new
            {
                BaseUrl = lightspeed.BaseUrl.ToString(),
                TokenUrl = lightspeed.TokenUrl.ToString(),
                lightspeed.AccountId,
                lightspeed.ClientId,
                lightspeed.ClientSecret,
                // Each deployment authorizes on its own: the two state files rotate separate token chains.
                RefreshToken = lightspeed.Control.IssueRefreshToken(),
            },
            Salesforce = new
            {
                LoginUrl = org.LoginUrl.ToString(), Auth = "ClientCredentials", org.ClientId, org.ClientSecret,
                BulkPollInitialDelay = "00:00:00.050", BulkPollMaxDelay = "00:00:00.200",
            },
            // Small batches: many checkpoint commits, so kills land between and inside them; full batches go through Bulk
            // API 2.0 and the rest through Collections, so kills land in both load paths.
            Sync = new { BatchSize = 60, BulkThreshold = 50 },
            State = new { Path = Path.Combine(_directory, name + ".db") },
        }));
        return path;
    }

    /// <summary>Every compared record as one comparable line: key and field values, ids of the org left out.</summary>
    private static Dictionary<string, List<string>> Snapshot(SalesforceEmulator org)
    {
        var snapshot = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (sObject, key, fields) in Compared)
        {
            var soql = $"SELECT {key}, {string.Join(", ", fields)} FROM {sObject}";
            var rows = org.Control.Query(soql)["records"]!.AsArray();
            snapshot[sObject] = rows.Select(row => string.Join("|", new[] { key }.Concat(fields).Select(f => Value(row!.AsObject(), f)))).ToList();
        }

        return snapshot;
    }

    private static string Value(JsonObject row, string path)
    {
        JsonNode? node = row;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node is JsonValue value ? value.ToJsonString() : node is null ? "null" : node.ToJsonString();
    }

    /// <summary>Records inserted or updated in the org, sync runs and errors aside.</summary>
    private static long DataWrites(SalesforceEmulator org) =>
        org.Control.Counters.Where(c => c.Key.StartsWith("dml.", StringComparison.Ordinal) && !c.Key.Contains("Lightspeed_Sync_", StringComparison.Ordinal)).Sum(c => c.Value);
}
