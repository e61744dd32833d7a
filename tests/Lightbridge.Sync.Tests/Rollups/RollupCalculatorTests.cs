using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Core.Planning;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Rollups;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lightbridge.Sync.Tests.Rollups;

/// <summary>
/// Paying owed rollups for many customers at once, against the emulated org and its rollup definitions: every value
/// right, and the calls the API's Composite caps allow (five queries, or five Collections updates, to a call).
/// </summary>
[TestFixture]
public sealed class RollupCalculatorTests
{
    private const int Customers = 2_600;

    private SalesforceEmulator _org = null!;
    private HttpClient _http = null!;
    private SalesforceClient _client = null!;
    private StateStore _state = null!;
    private string _folder = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = Pipelines.SyncHarness.ForceApp });
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        _client = new SalesforceClient(_http, new SalesforceClientOptions
        {
            LoginUrl = _org.LoginUrl, Auth = SalesforceAuthFlow.ClientCredentials, ClientId = _org.ClientId, ClientSecret = _org.ClientSecret,
            ApiUsagePause = TimeSpan.Zero,
        }, TimeProvider.System);
        _folder = Path.Combine(Path.GetTempPath(), "lightbridge-rollups-" + Guid.NewGuid().ToString("N"));
        _state = StateStore.Open(new StateOptions { Path = Path.Combine(_folder, "state.db") }, TimeProvider.System);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _state.Dispose();
        _client.Dispose();
        _http.Dispose();
        await _org.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task PayAsync_2600Customers_EveryValueRightInFiveQueriesOrFiveUpdatesToACall()
    {
        var contacts = _org.Control.LoadRecords("Contact", Enumerable.Range(0, Customers).Select(i => new JsonObject
        {
            ["LastName"] = "Shopper " + i.ToString(CultureInfo.InvariantCulture),
        }));
        // Customer i has i % 4 completed sales of 10 each, on one March day an hour apart, and a voided April sale when i is odd.
        var sales = new List<JsonObject>();
        for (var i = 0; i < Customers; i++)
        {
            for (var n = 0; n < i % 4; n++)
            {
                sales.Add(Sale($"{i}-{n}", contacts[i], "Completed", LastPurchase(i, n)));
            }

            if (i % 2 == 1)
            {
                sales.Add(Sale($"{i}-void", contacts[i], "Voided", new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc)));
            }
        }

        _org.Control.LoadRecords("Lightspeed_Sale__c", sales);
        // A Bulk threshold above the customers: the updates go through Collections, five to a Composite call.
        var calculator = new RollupCalculator(_client, _state, new LoadPathPlanner(bulkThreshold: 5_000), NullLogger.Instance);
        var debt = contacts.Select(id => new RollupDebt("Lightspeed_Sale__c", "Contact__c", id)).ToList();

        var (paid, report) = await calculator.PayAsync(debt, CancellationToken.None);

        var rows = _org.Control.Query("SELECT Id, Lightspeed_Purchase_Count__c, Lightspeed_Lifetime_Value__c, Lightspeed_Last_Purchase__c FROM Contact")["records"]!.AsArray()
            .ToDictionary(r => r!["Id"]!.GetValue<string>(), r => r!);
        Assert.Multiple(() =>
        {
            Assert.That(paid, Has.Count.EqualTo(Customers));
            Assert.That(report.ParentsFailed, Is.Zero);
            for (var i = 0; i < Customers; i++)
            {
                var row = rows[contacts[i]];
                Assert.That(row["Lightspeed_Purchase_Count__c"]?.GetValue<decimal>(), Is.EqualTo(i % 4), $"customer {i}: purchases");
                Assert.That(row["Lightspeed_Lifetime_Value__c"]?.GetValue<decimal>(), Is.EqualTo(10m * (i % 4)), $"customer {i}: lifetime value");
                Assert.That(
                    row["Lightspeed_Last_Purchase__c"] is { } last ? DateTimeOffset.Parse(last.GetValue<string>(), CultureInfo.InvariantCulture) : (DateTimeOffset?)null,
                    Is.EqualTo(i % 4 == 0 ? null : new DateTimeOffset(LastPurchase(i, (i % 4) - 1))),
                    $"customer {i}: the latest completed sale, never the later voided one");
            }

            // Two rollup groups over sales (their filters differ) × 3 chunks of at most 1,000 = 6 aggregate queries in
            // 2 Composite calls, then 2,600 updates = 13 Collections calls in 3, and the definitions' one query.
            Assert.That(report.Queries, Is.EqualTo(6));
            Assert.That(_org.Control.Counters.GetValueOrDefault("composite"), Is.EqualTo(5));
            Assert.That(_org.Control.Counters.GetValueOrDefault("composite.reads"), Is.EqualTo(2));
            Assert.That(_org.Control.Counters.GetValueOrDefault("query"), Is.EqualTo(1));
        });
    }

    private static DateTime LastPurchase(int customer, int sale) => new(2026, 3, (customer % 28) + 1, 10 + sale, 0, 0, DateTimeKind.Utc);

    private static JsonObject Sale(string id, string contact, string status, DateTime time) => new()
    {
        ["Lightspeed_Sale_Id__c"] = "R-" + id,
        ["Contact__c"] = contact,
        ["Status__c"] = status,
        ["Total__c"] = 10m,
        ["Is_Refund__c"] = false,
        ["Sale_Time__c"] = time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
    };
}
