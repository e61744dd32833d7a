using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Sources;
using Lightbridge.Sync.Tests.Pipelines;

namespace Lightbridge.Sync.Tests.Series;

/// <summary>
/// A source of the series under test, the Salesforce emulator with the package's schema, the real Salesforce client
/// and a real LiteDB state file: the same engine runs against either series.
/// </summary>
internal sealed class SeriesHarness : IAsyncDisposable
{
    private readonly string _folder;

    private SeriesHarness(SourceUnderTest source, SalesforceEmulator org, HttpClient http, SalesforceClient writer, string folder)
    {
        Source = source;
        Org = org;
        Http = http;
        Writer = writer;
        _folder = folder;
        State = OpenState();
        Account = new AccountContext(new LightspeedId(source.AccountId), CurrencyCode.Parse("USD"), new Dictionary<LightspeedId, CurrencyCode>(), "US");
    }

    public SourceUnderTest Source { get; }

    public SalesforceEmulator Org { get; }

    public HttpClient Http { get; }

    public SalesforceClient Writer { get; }

    /// <summary>The state file; <see cref="ReopenState"/> replaces it with a fresh handle on the same file.</summary>
    public StateStore State { get; private set; }

    public AccountContext Account { get; }

    public static async Task<SeriesHarness> StartAsync(SourceSeries series, int seed = 17, int shops = 2, int customers = 14, int items = 20, int sales = 30, int maxTransientRetries = 1)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        SourceUnderTest source = series switch
        {
            SourceSeries.R => await RSeriesUnderTest.StartAsync(http, seed, shops, customers, items, sales),
            SourceSeries.X => await XSeriesUnderTest.StartAsync(http, seed, shops, customers, items, sales),
            _ => throw new ArgumentOutOfRangeException(nameof(series)),
        };
        var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions
        {
            MetadataPath = SyncHarness.ForceApp,
            BulkProcessingTime = TimeSpan.FromMilliseconds(100),
        });
        var writer = new SalesforceClient(http, new SalesforceClientOptions
        {
            LoginUrl = org.LoginUrl, Auth = SalesforceAuthFlow.ClientCredentials, ClientId = org.ClientId, ClientSecret = org.ClientSecret,
            MaxTransientRetries = maxTransientRetries,
            TransientRetryBaseDelay = TimeSpan.FromMilliseconds(10),
            TransientRetryMaxDelay = TimeSpan.FromMilliseconds(50),
            BulkPollInitialDelay = TimeSpan.FromMilliseconds(50),
            BulkPollMaxDelay = TimeSpan.FromMilliseconds(200),
            ApiUsagePause = TimeSpan.Zero,
        }, TimeProvider.System);
        var folder = Path.Combine(Path.GetTempPath(), "lightbridge-series-" + Guid.NewGuid().ToString("N"));
        return new SeriesHarness(source, org, http, writer, folder);
    }

    public SyncEngine Engine(SyncOptions? options = null, ISourceReader? reader = null) =>
        new(reader ?? Source.Reader, Writer, State, new MappingCompiler().Compile(new MappingOptions()), options ?? new SyncOptions(), TimeProvider.System);

    /// <summary>Closes the state file and opens it again, as a restarted worker does.</summary>
    public void ReopenState()
    {
        State.Dispose();
        State = OpenState();
    }

    /// <summary>Runs SOQL in the org without spending API calls, returning its records.</summary>
    public IReadOnlyList<JsonObject> Query(string soql) =>
        Org.Control.Query(soql)["records"]!.AsArray().Select(r => r!.AsObject()).ToList();

    /// <summary>The external id of a source record in this account.</summary>
    public string Key(LightspeedId id) => $"{Account.AccountId.Value}-{id.Value}";

    /// <summary>
    /// Asserts the org holds every record of <paramref name="source"/> exactly once, with the values that matter:
    /// stores, products (active unless archived), store stock, sales with their status and total, lines, payments,
    /// and each sale's customer linked to one Contact or Lead.
    /// </summary>
    public void AssertOrgEquals(SourceSnapshot source)
    {
        var stores = Query("SELECT Lightspeed_Shop_Id__c FROM Lightspeed_Store__c").Select(r => Text(r, "Lightspeed_Shop_Id__c")).ToList();
        var products = Query("SELECT Lightspeed_Item_Id__c, IsActive FROM Product2 WHERE Lightspeed_Item_Id__c != null").ToList();
        var stock = Query("SELECT Lightspeed_Item_Shop_Id__c, Quantity_On_Hand__c FROM Lightspeed_Inventory__c").ToList();
        var sales = Query("SELECT Lightspeed_Sale_Id__c, Status__c, Total__c, Contact__c, Lead__c FROM Lightspeed_Sale__c").ToList();
        var lines = Query("SELECT Lightspeed_Sale_Line_Id__c FROM Lightspeed_Sale_Line__c").Select(r => Text(r, "Lightspeed_Sale_Line_Id__c")).ToList();
        var payments = Query("SELECT Lightspeed_Payment_Id__c FROM Lightspeed_Payment__c").Select(r => Text(r, "Lightspeed_Payment_Id__c")).ToList();
        var stamped = Query("SELECT Lightspeed_Customer_Id__c FROM Contact WHERE Lightspeed_Customer_Id__c != null")
            .Concat(Query("SELECT Lightspeed_Customer_Id__c FROM Lead WHERE Lightspeed_Customer_Id__c != null AND IsConverted = false"))
            .Select(r => Text(r, "Lightspeed_Customer_Id__c")).ToList();

        var expectedSales = source.LatestSales;
        Assert.Multiple(() =>
        {
            Assert.That(stores, Is.EquivalentTo(source.Shops.Select(s => Key(s.Id)).Distinct()), "stores, each once");
            Assert.That(products.Select(p => Text(p, "Lightspeed_Item_Id__c")), Is.EquivalentTo(source.Items.Select(i => Key(i.Id)).Distinct()), "products, each once");
            var itemsByKey = source.Items.GroupBy(i => Key(i.Id)).ToDictionary(g => g.Key, g => g.Last());
            foreach (var product in products)
            {
                Assert.That((bool)product["IsActive"]!, Is.EqualTo(!itemsByKey[Text(product, "Lightspeed_Item_Id__c")].Archived), $"IsActive of {Text(product, "Lightspeed_Item_Id__c")}");
            }

            Assert.That(stock.Select(s => Text(s, "Lightspeed_Item_Shop_Id__c")), Is.EquivalentTo(source.StoreStock.Select(s => Key(s.Id))), "store stock, each once");
            var stockByKey = source.StoreStock.ToDictionary(s => Key(s.Id));
            foreach (var row in stock)
            {
                Assert.That(Number(row, "Quantity_On_Hand__c"), Is.EqualTo(stockByKey[Text(row, "Lightspeed_Item_Shop_Id__c")].QuantityOnHand), $"stock of {Text(row, "Lightspeed_Item_Shop_Id__c")}");
            }

            Assert.That(sales.Select(s => Text(s, "Lightspeed_Sale_Id__c")), Is.EquivalentTo(expectedSales.Select(s => Key(s.Id))), "sales, each once");
            Assert.That(lines, Is.EquivalentTo(expectedSales.SelectMany(s => s.Lines).Select(l => Key(l.Id))), "lines, each once");
            Assert.That(payments, Is.EquivalentTo(expectedSales.SelectMany(s => s.Payments).Select(p => Key(p.Id))), "payments, each once");
            var salesByKey = sales.ToDictionary(s => Text(s, "Lightspeed_Sale_Id__c"));
            foreach (var sale in expectedSales)
            {
                var row = salesByKey.GetValueOrDefault(Key(sale.Id));
                if (row is null)
                {
                    continue;
                }

                Assert.That(Text(row, "Status__c"), Is.EqualTo(sale.Status == SaleStatus.Voided ? "Voided" : "Completed"), $"status of sale {sale.Id}");
                // A Currency field keeps two decimals; X-Series amounts may carry more (tax on prices without tax).
                Assert.That(Number(row, "Total__c"), Is.EqualTo(Math.Round(sale.Total, 2, MidpointRounding.AwayFromZero)).Within(0.005m), $"total of sale {sale.Id}");
                var linked = row["Contact__c"] ?? row["Lead__c"];
                Assert.That(linked is not null, Is.EqualTo(sale.CustomerId is not null), $"customer link of sale {sale.Id}");
            }

            Assert.That(stamped, Is.Unique, "no customer on two Contacts or Leads");
            Assert.That(stamped, Is.SubsetOf(source.Customers.Select(c => Key(c.Id))), "only real customers are stamped");
            Assert.That(stamped, Is.Not.Empty);
        });
    }

    public async ValueTask DisposeAsync()
    {
        State.Dispose();
        Writer.Dispose();
        await Source.DisposeAsync();
        Http.Dispose();
        await Org.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private StateStore OpenState() => StateStore.Open(new StateOptions { Path = Path.Combine(_folder, "state.db") }, TimeProvider.System);

    private static string Text(JsonObject row, string field) => row[field]?.ToString() ?? string.Empty;

    private static decimal Number(JsonObject row, string field) => decimal.Parse(row[field]!.ToString(), CultureInfo.InvariantCulture);
}
