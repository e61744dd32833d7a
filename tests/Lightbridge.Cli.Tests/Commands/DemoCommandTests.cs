using System.Text.Json;
using Lightbridge.State;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// <c>lightbridge demo</c> as a newcomer runs it: a real process that starts both emulators, seeds them, runs the worker and
/// writes its report. The report's figures are checked against what the emulators counted themselves (written beside them),
/// against each other and against the state file the demo leaves, so a report that claimed work it did not do would fail.
/// </summary>
[TestFixture]
public sealed class DemoCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(150);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-demo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Demo_SmallAccount_ReportAgreesWithTheEmulatorsCountersTheOrgAndTheStateFile()
    {
        var output = Path.Combine(_directory, "out");
        using (var demo = LightbridgeProcess.StartIn(_directory, null, "demo", "--shops", "2", "--customers", "60", "--items", "40", "--sales", "150", "--seed", "7", "--out", output))
        {
            Assert.That(await demo.WaitForExitAsync(Timeout), Is.Zero, demo.StandardError + demo.StandardOutput);
            Assert.That(demo.StandardOutput, Does.Contain("Records read and written per entity").And.Contain("Customers matched, by rule")
                .And.Contain("Errors queued for replay").And.Contain("API calls on each side").And.Contain("Time taken"));
            Assert.That(demo.StandardOutput + demo.StandardError, Does.Not.Contain("access_token").And.Not.Contain("Bearer "), "no token reaches the console");
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        var report = json.RootElement;
        var full = Runs(report, 0);
        var incremental = Runs(report, 1);
        var resync = report.GetProperty("resync");
        var org = report.GetProperty("org");
        var lightspeedCounts = report.GetProperty("lightspeedCounts");
        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        var seeded = report.GetProperty("seededOrg");
        var pendingSales = errors.Where(e => e.GetProperty("entity").GetString() == "Sale").Sum(e => e.GetProperty("count").GetInt32());

        Assert.Multiple(() =>
        {
            // Lightspeed: every request the worker's client says it sent, the emulator received (counters reset after seeding).
            var lightspeed = report.GetProperty("apiCalls").GetProperty("lightspeed");
            var emulator = lightspeed.GetProperty("emulator");
            Assert.That(lightspeed.GetProperty("clientRequests").GetInt64(), Is.EqualTo(emulator.GetProperty("totalRequests").GetInt64()).And.GreaterThan(0));
            Assert.That(emulator.GetProperty("endpoints").EnumerateObject().Sum(e => e.Value.GetInt64()), Is.EqualTo(emulator.GetProperty("totalRequests").GetInt64()));

            // Salesforce: the org counted the worker's calls and the demo's one publish, nothing more, nothing less.
            var salesforce = report.GetProperty("apiCalls").GetProperty("salesforce");
            Assert.That(
                salesforce.GetProperty("workerCalls").GetInt64() + salesforce.GetProperty("demoCalls").GetInt64(),
                Is.EqualTo(salesforce.GetProperty("emulatorCalls").GetInt64()));
            Assert.That(salesforce.GetProperty("demoCalls").GetInt64(), Is.EqualTo(1), "one platform event published");

            // Stores and products: one per Lightspeed record, all created by the full pass.
            Assert.That(Count(org, "after", "Lightspeed_Store__c"), Is.EqualTo(lightspeedCounts.GetProperty("Shop").GetInt64()).And.EqualTo(full["Shop"].Created));
            Assert.That(Count(org, "after", "Product2"), Is.EqualTo(lightspeedCounts.GetProperty("Item").GetInt64()).And.EqualTo(full["Item"].Created));
            Assert.That(full["Customer"].Read, Is.EqualTo(lightspeedCounts.GetProperty("Customer").GetInt64()), "the full pass read every customer");

            // Sales: every completed Lightspeed sale is in the org once, or waits in the queue; the org's inserts are the runs' creates.
            Assert.That(Count(org, "after", "Lightspeed_Sale__c") + pendingSales, Is.EqualTo(lightspeedCounts.GetProperty("Sale").GetInt64()));
            var saleCreates = full["Sale"].Created + incremental["Sale"].Created + resync.GetProperty("created").GetInt32();
            Assert.That(Count(org, "inserted", "Lightspeed_Sale__c"), Is.EqualTo(saleCreates));
            Assert.That(Count(org, "after", "Lightspeed_Sale__c"), Is.EqualTo(saleCreates - Count(org, "deletedByDemo", "Lightspeed_Sale__c")));
            Assert.That(incremental["Sale"].Created, Is.GreaterThanOrEqualTo(1), "the live sales arrived");

            // Customers: the Contacts the org holds are the seeded ones plus the ones the runs created.
            var contactCreates = full["Customer"].Created + incremental["Customer"].Created;
            Assert.That(Count(org, "inserted", "Contact"), Is.EqualTo(contactCreates));
            Assert.That(Count(org, "after", "Contact"), Is.EqualTo(seeded.GetProperty("contacts").GetInt64() + contactCreates));
            Assert.That(Count(org, "after", "Lead"), Is.EqualTo(seeded.GetProperty("leads").GetInt64()), "matching creates Contacts by default");

            // Matches: every rule was exercised by the messy org, and each customer of the full pass is accounted for once.
            var matches = report.GetProperty("matches").GetProperty("full");
            foreach (var rule in new[] { "externalId", "email", "phone", "createdContact", "ambiguous" })
            {
                Assert.That(matches.GetProperty(rule).GetInt32(), Is.GreaterThanOrEqualTo(1), rule);
            }

            var accounted = new[] { "externalId", "email", "phone", "createdContact", "createdLead", "ambiguous" }.Sum(r => matches.GetProperty(r).GetInt32());
            Assert.That(accounted + full["Customer"].Failed - matches.GetProperty("ambiguous").GetInt32(), Is.EqualTo(full["Customer"].Read));
            Assert.That(
                errors.Where(e => e.GetProperty("code").GetString() == "AmbiguousMatch").Sum(e => e.GetProperty("count").GetInt32()),
                Is.EqualTo(matches.GetProperty("ambiguous").GetInt32()));

            // The resync request went through the worker's subscriber and job runner, and the deleted sale is back.
            Assert.That(resync.GetProperty("jobStatus").GetString(), Is.EqualTo("Done"));
            Assert.That(resync.GetProperty("restored").GetBoolean(), Is.True);

            // One run record per entity and pass, plus the resync's.
            Assert.That(Count(org, "after", "Lightspeed_Sync_Run__c"), Is.EqualTo(full.Count + incremental.Count + 1));
        });

        // The state file the demo leaves tells the same story as the report.
        using var state = StateStore.Open(new StateOptions { Path = Path.Combine(output, "state.db") }, TimeProvider.System);
        var runs = state.Runs.LastRuns(countPerEntity: 10);
        Assert.Multiple(() =>
        {
            Assert.That(runs.Where(r => r.Entity == "Sale").Sum(r => r.Counts.Created), Is.EqualTo(Count(org, "inserted", "Lightspeed_Sale__c")));
            Assert.That(runs.Where(r => r.Entity == "Customer").Sum(r => r.Counts.Created), Is.EqualTo(Count(org, "inserted", "Contact")));
            Assert.That(state.ReplayQueue.Depth(), Is.EqualTo(errors.Sum(e => e.GetProperty("count").GetInt32())));
        });

        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"));
        Assert.That(markdown, Does.Contain("## Customers matched, by rule").And.Contain("| Sale |"));
    }

    [Test]
    public async Task Demo_KeepRunning_PrintsCredentialsThatWorkUntilStopped()
    {
        using var demo = LightbridgeProcess.StartIn(
            _directory, null, "demo", "--shops", "1", "--customers", "20", "--items", "5", "--sales", "20", "--out", Path.Combine(_directory, "out"), "--keep-running");
        var state = await demo.WaitForLineAsync("State file:                ", Timeout);
        // "Key: value" lines; a key printed twice (the state file, under the report and in the banner) keeps its last value.
        var banner = demo.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^[A-Z][A-Za-z ]+: +\\S"))
            .GroupBy(l => l[..l.IndexOf(':', StringComparison.Ordinal)])
            .ToDictionary(g => g.Key, g => g.Last()[(g.Key.Length + 1)..].Trim());
        using var http = new HttpClient();

        // The org's connected app logs in with the printed client credentials.
        using var salesforce = await http.PostAsync(
            new Uri(banner["Salesforce login URL"] + "/services/oauth2/token"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = banner["Salesforce client id"], ["client_secret"] = banner["Salesforce client secret"],
            }));
        Assert.That(salesforce.IsSuccessStatusCode, Is.True, await salesforce.Content.ReadAsStringAsync());

        // The printed Lightspeed refresh token is one of its own: using it does not log the worker out.
        using var lightspeed = await http.PostAsync(
            new Uri(banner["Lightspeed token URL"]),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["client_id"] = banner["Lightspeed client id"], ["client_secret"] = banner["Lightspeed client secret"],
                ["refresh_token"] = banner["Lightspeed refresh token"],
            }));
        Assert.That(lightspeed.IsSuccessStatusCode, Is.True, await lightspeed.Content.ReadAsStringAsync());

        var health = banner["Worker health and metrics"].Split(',')[0];
        Assert.That(await http.GetStringAsync(new Uri(health)), Does.StartWith("ok"));
        Assert.That(demo.HasExited, Is.False, state);

        demo.Terminate();
        Assert.That(await demo.WaitForExitAsync(Timeout), Is.Zero, demo.StandardError);
    }

    [Test]
    public async Task Demo_BadSizes_ExitsTwoNamingEachFlag()
    {
        using var demo = LightbridgeProcess.StartIn(_directory, null, "demo", "--shops", "9", "--items", "0", "--out", Path.Combine(_directory, "out"));

        Assert.That(await demo.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(demo.StandardError, Does.Contain("--shops").And.Contain("--items"));
        Assert.That(Directory.Exists(Path.Combine(_directory, "out")), Is.False, "nothing started, nothing written");
    }

    [Test]
    public async Task Demo_OutputFolderIsAFile_ExitsTwoNamingOut()
    {
        var file = Path.Combine(_directory, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        using var demo = LightbridgeProcess.StartIn(_directory, null, "demo", "--customers", "5", "--out", file);

        Assert.That(await demo.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(demo.StandardError, Does.Contain("--out"));
    }

    private static Dictionary<string, (int Read, int Created, int Failed)> Runs(JsonElement report, int pass) =>
        report.GetProperty("passes")[pass].GetProperty("runs").EnumerateArray().ToDictionary(
            r => r.GetProperty("entity").GetString()!,
            r => (r.GetProperty("read").GetInt32(), r.GetProperty("created").GetInt32(), r.GetProperty("failed").GetInt32()));

    private static long Count(JsonElement org, string side, string sObject) =>
        org.GetProperty(side).TryGetProperty(sObject, out var value) ? value.GetInt64() : 0;
}
