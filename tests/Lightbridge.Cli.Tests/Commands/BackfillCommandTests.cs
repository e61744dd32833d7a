using System.Text.Json;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary><c>lightbridge backfill</c> as an operator runs it, output redirected (a log file, a CI job): plain progress lines.</summary>
[TestFixture]
public sealed class BackfillCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-backfill-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Backfill_ItemsSince2000_EveryItemWrittenWithAProgressLinePerBatch()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 8, Shops = 2, Customers = 5, Items = 45, Sales = 5, Bucket = BucketMode.Off });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp, BulkProcessingTime = TimeSpan.FromMilliseconds(100) });

        using var process = LightbridgeProcess.StartIn(_directory, null, "backfill", "--entity", "Item", "--from", "2000-01-01", "--config", WriteConfig(lightspeed, org));

        Assert.That(await process.WaitForExitAsync(Timeout), Is.Zero, process.StandardError + process.StandardOutput);
        var lines = process.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines.Count(l => l.StartsWith("backfill Item: ", StringComparison.Ordinal)), Is.EqualTo(3), "one line per batch of 20");
            Assert.That(lines[^1], Does.StartWith("backfill Item Succeeded: read 45  created 45"));
            Assert.That(org.Control.Query("SELECT COUNT() FROM Product2")["totalSize"]!.GetValue<int>(), Is.EqualTo(45));
            Assert.That(org.Control.Counters.GetValueOrDefault("bulk.create"), Is.EqualTo(3), "one Bulk job per batch");
            Assert.That(org.Control.Counters.GetValueOrDefault("dml.insert.Product2"), Is.EqualTo(45));
        });
    }

    [TestCase("--from", "last tuesday")]
    [TestCase("--to", "2024-13-40")]
    public async Task Backfill_BadDate_ExitsTwoNamingTheOption(string option, string value)
    {
        var args = new List<string> { "backfill", "--entity", "Item", "--from", "2024-01-01" };
        if (option == "--from")
        {
            args[^1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        using var process = LightbridgeProcess.StartIn(_directory, null, [.. args]);

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain(option).And.Contain(value));
    }

    private string WriteConfig(LightspeedEmulator lightspeed, SalesforceEmulator org)
    {
        var path = Path.Combine(_directory, "settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Lightspeed = new
            {
                BaseUrl = lightspeed.BaseUrl.ToString(), TokenUrl = lightspeed.TokenUrl.ToString(), lightspeed.AccountId,
                lightspeed.ClientId, lightspeed.ClientSecret, RefreshToken = lightspeed.InitialRefreshToken,
            },
            Salesforce = new
            {
                LoginUrl = org.LoginUrl.ToString(), Auth = "ClientCredentials", org.ClientId, org.ClientSecret,
                BulkPollInitialDelay = "00:00:00.050", BulkPollMaxDelay = "00:00:00.200",
            },
            Sync = new { BatchSize = 20, BulkThreshold = 20 },
            State = new { Path = Path.Combine(_directory, "state.db") },
        }));
        return path;
    }
}
