using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// <c>--dry-run</c> on the writing verbs, as an operator runs them: the org's write counters stay at zero, the state file
/// keeps no checkpoint, and what the dry run says it would write is what the real run then writes.
/// </summary>
[TestFixture]
public sealed partial class DryRunCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);
    private static readonly string[] DataObjects =
        ["Lightspeed_Store__c", "Product2", "Lightspeed_Inventory__c", "Contact", "Lead", "Lightspeed_Sale__c", "Lightspeed_Sale_Line__c", "Lightspeed_Payment__c"];

    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-dry-run-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Sync_DryRun_WritesNothingAnywhereAndPredictsExactlyWhatTheRealSyncWrites()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 6, Shops = 2, Customers = 12, Items = 20, Sales = 30, Bucket = BucketMode.Off });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = EmulatorSettingsFile.Write(_directory, lightspeed, org);

        Dictionary<(string Object, string Operation), long> predicted;
        using (var dry = LightbridgeProcess.StartIn(_directory, null, "sync", "--dry-run", "--config", config))
        {
            Assert.That(await dry.WaitForExitAsync(Timeout), Is.Zero, dry.StandardError + dry.StandardOutput);
            Assert.That(dry.StandardOutput, Does.Contain("Dry run: nothing was written"));
            predicted = Ledger(dry.StandardOutput);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Writes(org), Is.Empty, "no record was inserted, updated or deleted in the org");
            Assert.That(DataObjects.Sum(o => Count(org, o)), Is.Zero);
            Assert.That(Checkpoints(config), Is.Empty, "the state file keeps no checkpoint of the dry run");
        });

        using (var real = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config))
        {
            Assert.That(await real.WaitForExitAsync(Timeout), Is.Zero, real.StandardError + real.StandardOutput);
        }

        Assert.Multiple(() =>
        {
            foreach (var sObject in DataObjects)
            {
                var count = Count(org, sObject);
                Assert.That(predicted.GetValueOrDefault((sObject, "upsert")), Is.EqualTo(count), $"{sObject}: the dry run's upserts are the records the real sync left");
            }

            Assert.That(Count(org, "Lightspeed_Sale__c"), Is.GreaterThan(0));
            Assert.That(Checkpoints(config), Is.Not.Empty);
        });

        // Against a synced org, a dry run finds nothing to write.
        var writesBefore = Writes(org);
        using var again = LightbridgeProcess.StartIn(_directory, null, "sync", "--dry-run", "--config", config);
        Assert.That(await again.WaitForExitAsync(Timeout), Is.Zero, again.StandardError);
        Assert.That(Ledger(again.StandardOutput).Where(e => DataObjects.Contains(e.Key.Object)).Sum(e => e.Value), Is.Zero, again.StandardOutput);
        Assert.That(Writes(org), Is.EqualTo(writesBefore));
    }

    [Test]
    public async Task Backfill_DryRun_GoesThroughBulkJobsThatNeverReachTheOrg()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 8, Shops = 2, Customers = 0, Items = 30, Sales = 5, Bucket = BucketMode.Off });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = EmulatorSettingsFile.Write(_directory, lightspeed, org);

        using var dry = LightbridgeProcess.StartIn(_directory, null, "backfill", "--entity", "Item", "--from", "2000-01-01", "--dry-run", "--config", config);

        Assert.That(await dry.WaitForExitAsync(Timeout), Is.Zero, dry.StandardError + dry.StandardOutput);
        var predicted = Ledger(dry.StandardOutput);
        Assert.Multiple(() =>
        {
            Assert.That(predicted.GetValueOrDefault(("Product2", "upsert")), Is.EqualTo(30), dry.StandardOutput);
            Assert.That(Writes(org), Is.Empty);
            Assert.That(org.Control.Counters.Where(c => c.Key.StartsWith("bulk", StringComparison.OrdinalIgnoreCase)).Sum(c => c.Value), Is.Zero, "no Bulk job reached the org");
            Assert.That(Count(org, "Product2"), Is.Zero);
            Assert.That(Checkpoints(config), Is.Empty);
        });
    }

    /// <summary>The "object operation records" lines a dry run prints.</summary>
    private static Dictionary<(string Object, string Operation), long> Ledger(string output) =>
        LedgerLine().Matches(output).Where(m => m.Groups[1].Value != "total")
            .ToDictionary(m => (m.Groups[1].Value, m.Groups[2].Value), m => long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^  (\S+)\s+(insert|upsert|update|delete|publish)\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex LedgerLine();

    private static Dictionary<string, long> Writes(SalesforceEmulator org) =>
        org.Control.Counters.Where(c => c.Key.StartsWith("dml.", StringComparison.Ordinal) && c.Value > 0).ToDictionary(c => c.Key, c => c.Value);

    private List<string> Checkpoints(string config)
    {
        using var status = LightbridgeProcess.StartIn(_directory, null, "status", "--json", "--config", config);
        Assert.That(status.WaitForExitAsync(Timeout).GetAwaiter().GetResult(), Is.Zero, status.StandardError);
        using var json = JsonDocument.Parse(status.StandardOutput);
        return json.RootElement.GetProperty("checkpoints").EnumerateArray().Select(c => c.GetProperty("entity").GetString()!).ToList();
    }

    private static int Count(SalesforceEmulator org, string sObject) =>
        org.Control.Query($"SELECT COUNT() FROM {sObject}")["totalSize"]!.GetValue<int>();
}
