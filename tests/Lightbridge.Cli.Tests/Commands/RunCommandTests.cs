using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lightbridge.Cli.Tests.Alerts;
using Lightbridge.Cli.Tests.Worker;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Salesforce;
using Lightbridge.State;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// <c>lightbridge run</c> as an operator runs it: a real process, both emulators on loopback, resync requests (of
/// everything, one entity, or one record) published to the org's platform event, health and metrics read over HTTP, the state file read after it stops.
/// </summary>
[TestFixture]
public sealed partial class RunCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private string _directory = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-run-tests", Guid.NewGuid().ToString("N"));
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
    public async Task Run_ResyncRequestForAll_SyncsEveryEntity_MetricsEqualTheRuns_LogsHoldNoSecrets()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 7, Shops = 2, Customers = 5, Items = 12, Sales = 5, Bucket = BucketMode.Real });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var logFile = Path.Combine(_directory, "logs", "lightbridge-.log");
        var config = WriteConfig(lightspeed, org, new Dictionary<string, object> { ["Logging"] = new { File = new { Path = logFile } } });

        using (var worker = LightbridgeProcess.StartIn(_directory, null, "run", "--config", config, "--verbose"))
        {
            var health = await HealthUrlAsync(worker);
            Assert.That(await _http.GetStringAsync(new Uri(health, "/healthz")), Does.StartWith("ok"));
            using (var ready = await _http.GetAsync(new Uri(health, "/readyz")))
            {
                Assert.That((int)ready.StatusCode, Is.EqualTo(200), await ready.Content.ReadAsStringAsync());
            }

            await PublishResyncAsync(org, "All", reason: "first install");
            var metrics = await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 1);

            Assert.That(Count(org, "Lightspeed_Store__c"), Is.EqualTo(2));
            Assert.That(Count(org, "Product2"), Is.EqualTo(12));
            Assert.That(Count(org, "Lightspeed_Inventory__c"), Is.EqualTo(24));
            Assert.That(Count(org, "Lightspeed_Sale__c"), Is.InRange(1, 5), "the completed sales (open ones wait for completion)");
            Assert.That(Count(org, "Contact") + Count(org, "Lead"), Is.InRange(1, 5), "the shoppers, duplicates collapsed");

            // `status` while the worker holds the state file: answered by the worker's /status (the port the OS chose
            // is passed the way an operator overrides a setting).
            var environment = new Dictionary<string, string> { ["LIGHTBRIDGE_Health__Urls"] = health.GetLeftPart(UriPartial.Authority) };
            using var status = LightbridgeProcess.StartIn(_directory, environment, "status", "--json", "--config", config);
            Assert.That(await status.WaitForExitAsync(Timeout), Is.Zero, status.StandardError);
            using var json = JsonDocument.Parse(status.StandardOutput);
            var runs = json.RootElement.GetProperty("lastRuns").EnumerateArray().ToList();
            Assert.That(runs.Select(r => r.GetProperty("entity").GetString()), Is.EquivalentTo(new[] { "Shop", "Item", "ItemShop", "Customer", "Sale" }));
            foreach (var run in runs)
            {
                var entity = run.GetProperty("entity").GetString();
                Assert.That(run.GetProperty("trigger").GetString(), Is.EqualTo("Resync"));
                Assert.That(metrics[$"lightbridge_records_read_total{{entity=\"{entity}\"}}"], Is.EqualTo(run.GetProperty("read").GetInt32()), entity);
                Assert.That(
                    metrics[$"lightbridge_records_written_total{{entity=\"{entity}\"}}"],
                    Is.EqualTo(run.GetProperty("created").GetInt32() + run.GetProperty("updated").GetInt32()),
                    entity);
                Assert.That(metrics[$"lightbridge_records_failed_total{{entity=\"{entity}\"}}"], Is.EqualTo(run.GetProperty("failed").GetInt32()), entity);
                Assert.That(metrics[$"lightbridge_runs_total{{entity=\"{entity}\",status=\"Succeeded\"}}"], Is.EqualTo(1), entity);
            }

            Assert.That(metrics["lightbridge_records_written_total{entity=\"Item\"}"], Is.EqualTo(12));
            Assert.That(metrics["lightbridge_api_calls_total{system=\"salesforce\"}"], Is.GreaterThan(0));
            Assert.That(metrics.Keys, Has.Some.StartsWith("lightbridge_lag_seconds{entity=\"Item\"}"));
            Assert.That(metrics["lightbridge_lightspeed_bucket{measure=\"size\"}"], Is.GreaterThan(0), "the bucket the Lightspeed responses reported");
            Assert.That(metrics["lightbridge_lightspeed_bucket{measure=\"level\"}"], Is.InRange(0, metrics["lightbridge_lightspeed_bucket{measure=\"size\"}"]));

            worker.Terminate();
            Assert.That(await worker.WaitForExitAsync(Timeout), Is.Zero, worker.StandardError);
        }

        // The log scan: debug level, a full catalog sync, and not one credential, email or phone in the clear.
        var logs = Directory.GetFiles(Path.GetDirectoryName(logFile)!).Select(File.ReadAllText).ToList();
        Assert.That(logs, Is.Not.Empty);
        var text = string.Join("\n", logs);
        Assert.That(text, Does.Contain("\"@l\":\"Debug\"").Or.Contain("SyncRunStarted"), "the log holds the run's events");
        Assert.That(text, Does.Not.Contain(org.ClientSecret).And.Not.Contain(lightspeed.ClientSecret).And.Not.Contain(lightspeed.InitialRefreshToken));
        Assert.That(SalesforceAccessToken().IsMatch(text), Is.False, "no Salesforce access token");
        Assert.That(BearerValue().IsMatch(text), Is.False, "no bearer token");
        Assert.That(UnmaskedEmail().Matches(text).Select(m => m.Value), Is.Empty);
        Assert.That(UnmaskedPhone().Matches(text).Select(m => m.Value), Is.Empty);
    }

    [Test]
    public async Task Run_StoppedWhileEventsArePublished_CatchesUpFromItsReplayIdWithoutLossOrDuplicates()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 8, Shops = 2, Customers = 1, Items = 3, Sales = 1 });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(lightspeed, org);

        using (var first = LightbridgeProcess.StartIn(_directory, null, "run", "--config", config))
        {
            var health = await HealthUrlAsync(first);
            await PublishResyncAsync(org, "Store", reason: "before stop 1");
            await PublishResyncAsync(org, "Store", reason: "before stop 2");
            await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 2);
            first.Terminate();
            Assert.That(await first.WaitForExitAsync(Timeout), Is.Zero, first.StandardError);
        }

        for (var i = 1; i <= 3; i++)
        {
            await PublishResyncAsync(org, "Store", reason: $"while stopped {i}");
        }

        using (var second = LightbridgeProcess.StartIn(_directory, null, "run", "--config", config))
        {
            var health = await HealthUrlAsync(second);
            await second.WaitForLineContainingAsync("Listening for resync requests", Timeout);
            await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 5);
            await PublishResyncAsync(org, "Store", reason: "after restart");
            await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 6);
            second.Terminate();
            Assert.That(await second.WaitForExitAsync(Timeout), Is.Zero, second.StandardError);
        }

        var published = org.Control.PublishedEvents.Where(e => e.EventName == "Lightspeed_Resync_Request__e").Select(e => e.ReplayId).ToList();
        using var state = StateStore.Open(new StateOptions { Path = Path.Combine(_directory, "state.db") }, TimeProvider.System);
        var jobs = state.ResyncJobs.List();
        Assert.That(jobs.Select(j => j.ReplayId!.Value), Is.EqualTo(published), "one job per event, in order, none twice");
        Assert.That(jobs.Select(j => j.Status), Is.All.EqualTo(ResyncJobStatus.Done));
        Assert.That(jobs.Select(j => j.Request.Reason), Is.EqualTo(new[] { "before stop 1", "before stop 2", "while stopped 1", "while stopped 2", "while stopped 3", "after restart" }));
        Assert.That(state.EventReplayIds.Get("/event/Lightspeed_Resync_Request__e")!.ReplayId, Is.EqualTo(published[^1]));
    }

    [Test]
    public async Task Run_ResyncRequestsForOneCustomerAndADateRange_ResyncExactlyThose()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 11, Shops = 1, Customers = 6, Items = 10, Sales = 1 });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(lightspeed, org);
        var customer = $"{lightspeed.AccountId}-3";

        using (var worker = LightbridgeProcess.StartIn(_directory, null, "run", "--config", config))
        {
            var health = await HealthUrlAsync(worker);

            // What the Contact's "Resync from Lightspeed" action publishes: the customer's external id.
            await PublishResyncAsync(org, "Customer", lightspeedId: customer, reason: "one shopper");
            await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 1);
            var shoppers = org.Control.Query("SELECT Lightspeed_Customer_Id__c FROM Contact")["records"]!.AsArray()
                .Concat(org.Control.Query("SELECT Lightspeed_Customer_Id__c FROM Lead")["records"]!.AsArray())
                .Select(r => (string?)r!["Lightspeed_Customer_Id__c"]).ToList();
            Assert.That(shoppers, Is.EqualTo(new[] { customer }), "that shopper alone");

            await PublishResyncAsync(org, "Item", reason: "a window", from: new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), to: DateTimeOffset.Parse("2100-01-01T00:00:00Z", CultureInfo.InvariantCulture));
            await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 2);
            Assert.That(Count(org, "Product2"), Is.EqualTo(10));
            worker.Terminate();
            Assert.That(await worker.WaitForExitAsync(Timeout), Is.Zero, worker.StandardError);
        }

        using var state = StateStore.Open(new StateOptions { Path = Path.Combine(_directory, "state.db") }, TimeProvider.System);
        Assert.Multiple(() =>
        {
            Assert.That(state.Checkpoints.Get(lightspeed.AccountId, "Item"), Is.Null, "a window resync is not a scheduled pass: the schedule's checkpoint is untouched");
            Assert.That(state.Checkpoints.Get(lightspeed.AccountId, "Item:resync"), Is.Null, "and the window's own checkpoint is gone once done");
            Assert.That(state.Runs.LastRuns("Item", 1).Single().Trigger, Is.EqualTo(RunTrigger.Resync));
            Assert.That(state.Runs.LastRuns("Customer", 1).Single().Counts.Read, Is.EqualTo(1), "the customer was read by id");
        });
    }

    [Test]
    public async Task Run_OrgDropsCometdClientsAndExpiresSessions_KeepsPickingUpRequests()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 9, Shops = 1, Customers = 1, Items = 2, Sales = 1 });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(lightspeed, org);

        using var worker = LightbridgeProcess.StartIn(_directory, null, "run", "--config", config);
        var health = await HealthUrlAsync(worker);
        await PublishResyncAsync(org, "Item", lightspeedId: $"{lightspeed.AccountId}-1", reason: "before the drop");
        await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 1);
        Assert.That(Count(org, "Product2"), Is.EqualTo(1), "the request named item 1 (by its external id, as the quick action sends it): that item alone");

        org.Control.DropAllCometdClients();
        await PublishResyncAsync(org, "Item", reason: "after the drop");
        await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 2);

        org.Control.ExpireAllSessions();
        await PublishResyncAsync(org, "Inventory", reason: "after the sessions expired");
        var metrics = await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 3);

        Assert.That(metrics["lightbridge_resync_events_total"], Is.EqualTo(3));
        Assert.That(metrics.GetValueOrDefault("lightbridge_resync_jobs{status=\"failed\"}"), Is.Zero);
        Assert.That(Count(org, "Product2"), Is.EqualTo(2));
        worker.Terminate();
        Assert.That(await worker.WaitForExitAsync(Timeout), Is.Zero, worker.StandardError);
    }

    [Test]
    public async Task Run_LagPassesItsThreshold_PostsOneAlertPerCooldownToTheWebhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 10, Shops = 1, Customers = 1, Items = 3, Sales = 1 });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        // The emulator's items were last changed weeks ago, so the Item checkpoint lags by far more than an hour.
        var config = WriteConfig(lightspeed, org, new Dictionary<string, object>
        {
            ["Alerts"] = new { WebhookUrl = receiver.Url.ToString(), LagThresholdSeconds = 3600, Cooldown = "01:00:00" },
        });

        using var worker = LightbridgeProcess.StartIn(_directory, null, "run", "--config", config);
        var health = await HealthUrlAsync(worker);
        await PublishResyncAsync(org, "Item", reason: "first");
        await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 1);
        await PublishResyncAsync(org, "Item", reason: "second, inside the cool-down");
        await WaitForMetricAsync(health, "lightbridge_resync_jobs{status=\"done\"}", 2);
        worker.Terminate();
        Assert.That(await worker.WaitForExitAsync(Timeout), Is.Zero, worker.StandardError);

        // Alerts are sent before a job is marked done, so both runs' checks are over: the lag held twice, one alert went out.
        Assert.That(receiver.Received, Has.Count.EqualTo(1), string.Join("\n", receiver.Received.Select(r => r.Body)));
        var (contentType, body) = receiver.Received.Single();
        Assert.That(contentType, Does.StartWith("application/json"));
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("text").GetString(), Does.StartWith("Lightbridge: Item is ").And.Contain("behind Lightspeed"));
    }

    [TestCase("Sync:Schedules:Item", "61 * * * *", "Sync:Schedules:Item: '61 * * * *' is not a cron expression")]
    [TestCase("Sync:Schedules:Invoice", "* * * * *", "Sync:Schedules:Invoice: 'Invoice' is not a scheduled entity")]
    [TestCase("Health:Urls", "ftp://127.0.0.1:21", "Health:Urls: 'ftp://127.0.0.1:21' is not an http://host:port URL")]
    [TestCase("Logging:Level", "Chatty", "Logging:Level: 'Chatty' is not one of")]
    [TestCase("Alerts:Template", "{\"text\": {{ end }}}", "Alerts:Template: the template does not parse")]
    [TestCase("Alerts:WebhookUrl", "not a url", "Alerts:WebhookUrl: not an http(s) URL")]
    public async Task Run_BadSetting_ExitsTwoNamingTheSetting(string key, string value, string expected)
    {
        var settings = new Dictionary<string, object>
        {
            ["Lightspeed"] = new { BaseUrl = "http://127.0.0.1:9", TokenUrl = "http://127.0.0.1:9/token", AccountId = "1", ClientId = "c", ClientSecret = "s", RefreshToken = "r" },
            ["Salesforce"] = new { LoginUrl = "http://127.0.0.1:9", Auth = "ClientCredentials", ClientId = "c", ClientSecret = "s" },
            ["State"] = new { Path = Path.Combine(_directory, "state.db") },
        };
        var config = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(settings));
        var environment = new Dictionary<string, string> { ["LIGHTBRIDGE_" + key.Replace(":", "__", StringComparison.Ordinal)] = value };

        using var process = LightbridgeProcess.StartIn(_directory, environment, "run", "--config", config);

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2), process.StandardError);
        Assert.That(process.StandardError, Does.Contain(expected));
        Assert.That(File.Exists(Path.Combine(_directory, "state.db")), Is.False, "nothing is opened before the configuration is good");
    }

    [Test]
    public async Task Run_HealthPortTaken_ExitsTwoNamingHealthUrls()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 11, Shops = 1, Customers = 1, Items = 1, Sales = 1 });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        // The org's own port is taken by the org: a worker told to serve health there cannot bind it.
        var config = WriteConfig(lightspeed, org, new Dictionary<string, object> { ["Health"] = new { Urls = org.LoginUrl.GetLeftPart(UriPartial.Authority) } });

        using var process = LightbridgeProcess.StartIn(_directory, null, "run", "--config", config);

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2), process.StandardError);
        Assert.That(process.StandardError, Does.Contain("Health:Urls: cannot listen on"));
    }

    private async Task<Uri> HealthUrlAsync(LightbridgeProcess worker)
    {
        var line = await worker.WaitForLineContainingAsync("Serving health and metrics at ", Timeout);
        return new Uri(HealthUrl().Match(line).Value);
    }

    /// <summary>Scrapes /metrics (parsing it strictly each time) until the sample reaches the value.</summary>
    private async Task<IReadOnlyDictionary<string, double>> WaitForMetricAsync(Uri health, string sample, double atLeast)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var last = "(no scrape yet)";
        while (true)
        {
            using (var response = await _http.GetAsync(new Uri(health, "/metrics"), cts.Token))
            {
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
                last = await response.Content.ReadAsStringAsync(cts.Token);
            }

            var samples = PrometheusText.Parse(last);
            if (samples.TryGetValue(sample, out var value) && value >= atLeast)
            {
                Assert.That(value, Is.EqualTo(atLeast), sample);
                return samples;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{sample} did not reach {atLeast}.\n{last}");
            }
        }
    }

    private async Task PublishResyncAsync(
        SalesforceEmulator org, string scope, string? lightspeedId = null, string? reason = null, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var options = new SalesforceClientOptions { LoginUrl = org.LoginUrl, Auth = SalesforceAuthFlow.ClientCredentials, ClientId = org.ClientId, ClientSecret = org.ClientSecret };
        using var client = new SalesforceClient(_http, options, TimeProvider.System);
        await client.PublishEventAsync("Lightspeed_Resync_Request__e", new Dictionary<string, object?>
        {
            ["Scope__c"] = scope,
            ["Lightspeed_Id__c"] = lightspeedId,
            ["Reason__c"] = reason,
            ["From__c"] = from,
            ["To__c"] = to,
        });
    }

    private string WriteConfig(LightspeedEmulator lightspeed, SalesforceEmulator org, IReadOnlyDictionary<string, object>? extra = null)
    {
        var settings = new Dictionary<string, object>
        {
            // Schedules off: every run in these tests is one the test asked for.
            ["Sync"] = new { Schedules = new { Shop = "", Item = "", ItemShop = "", Customer = "", Sale = "" } },
            ["Health"] = new { Urls = "http://127.0.0.1:0" },
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, object>())
        {
            settings[key] = value;
        }

        return EmulatorSettingsFile.Write(_directory, lightspeed, org, settings);
    }

    private static int Count(SalesforceEmulator org, string sObject) =>
        org.Control.Query(string.Create(CultureInfo.InvariantCulture, $"SELECT COUNT() FROM {sObject}"))["totalSize"]!.GetValue<int>();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex HealthUrl();

    [GeneratedRegex(@"[A-Za-z0-9]{15}![A-Za-z0-9._-]{20,}")]
    private static partial Regex SalesforceAccessToken();

    [GeneratedRegex(@"Bearer (?!\[REDACTED\])\S{8,}")]
    private static partial Regex BearerValue();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._%+-]*[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\.[A-Za-z]{2,}")]
    private static partial Regex UnmaskedEmail();

    [GeneratedRegex(@"\+\d{8,15}\b|\(\d{3}\)\s?\d{3}-\d{4}")]
    private static partial Regex UnmaskedPhone();
}
