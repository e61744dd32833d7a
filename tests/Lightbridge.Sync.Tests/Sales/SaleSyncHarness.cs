using System.Text.Json.Nodes;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Sales;

/// <summary>
/// Both emulators on loopback (OS-chosen ports), the real clients and a real LiteDB file, as in the catalog tests, with
/// a Lightspeed history large enough to hold walk-ins, refunds and voids, and a way to put the account's customers in
/// the org as Contacts and Leads the way the customer pipeline leaves them (records plus <see cref="CustomerLinks"/>).
/// </summary>
internal sealed class SaleSyncHarness : IAsyncDisposable
{
    private readonly string _folder;

    private SaleSyncHarness(LightspeedEmulator lightspeed, SalesforceEmulator org, HttpClient http, LightspeedClient reader, SalesforceClient writer, StateStore state, string folder)
    {
        Lightspeed = lightspeed;
        Org = org;
        Http = http;
        Reader = reader;
        Writer = writer;
        State = state;
        _folder = folder;
        Account = new AccountContext(new LightspeedId(lightspeed.AccountId), CurrencyCode.Parse("USD"), new Dictionary<LightspeedId, CurrencyCode>(), "US");
    }

    public LightspeedEmulator Lightspeed { get; }

    public SalesforceEmulator Org { get; }

    public HttpClient Http { get; }

    public LightspeedClient Reader { get; }

    public SalesforceClient Writer { get; }

    public StateStore State { get; }

    public AccountContext Account { get; }

    /// <summary>Where each linked customer lives: Salesforce id and object, by Lightspeed customer id.</summary>
    public Dictionary<LightspeedId, (CustomerObjectType Type, string Id)> Customers { get; } = [];

    public static async Task<SaleSyncHarness> StartAsync(int seed = 5, int sales = 60)
    {
        var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions
        {
            Seed = seed, Shops = 2, Customers = 12, Items = 25, Sales = sales, Bucket = BucketMode.Off,
        });
        var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions
        {
            MetadataPath = Path.Combine(RepositoryRoot(), "force-app"),
            BulkProcessingTime = TimeSpan.FromMilliseconds(100),
        });
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var reader = new LightspeedClient(http, new LightspeedClientOptions
        {
            BaseUrl = lightspeed.BaseUrl, TokenUrl = lightspeed.TokenUrl, AccountId = lightspeed.AccountId,
            ClientId = lightspeed.ClientId, ClientSecret = lightspeed.ClientSecret,
        }, new InMemoryLightspeedTokenStore(lightspeed.InitialRefreshToken), TimeProvider.System);
        var writer = new SalesforceClient(http, new SalesforceClientOptions
        {
            LoginUrl = org.LoginUrl, Auth = SalesforceAuthFlow.ClientCredentials, ClientId = org.ClientId, ClientSecret = org.ClientSecret,
            MaxTransientRetries = 1,
            TransientRetryBaseDelay = TimeSpan.FromMilliseconds(10),
            TransientRetryMaxDelay = TimeSpan.FromMilliseconds(50),
            BulkPollInitialDelay = TimeSpan.FromMilliseconds(50),
            BulkPollMaxDelay = TimeSpan.FromMilliseconds(200),

            // The client's own slow-down near the API limit waits on the real clock; the pipelines' pause is tested here.
            ApiUsagePause = TimeSpan.Zero,
        }, TimeProvider.System);
        var folder = Path.Combine(Path.GetTempPath(), "lightbridge-sales-" + Guid.NewGuid().ToString("N"));
        var state = StateStore.Open(new StateOptions { Path = Path.Combine(folder, "state.db") }, TimeProvider.System);
        return new SaleSyncHarness(lightspeed, org, http, reader, writer, state, folder);
    }

    public SyncEngine Engine(SyncOptions? options = null) =>
        new(Reader, Writer, State, new MappingCompiler().Compile(new MappingOptions()), options ?? new SyncOptions(), TimeProvider.System);

    /// <summary>
    /// Creates the customers <paramref name="which"/> selects in the org (even ids as Contacts, odd ids as Leads) and
    /// records where they live, as the customer pipeline does after writing them.
    /// </summary>
    public async Task LinkCustomersAsync(Func<Customer, bool> which)
    {
        var links = new CustomerLinks(State);
        await foreach (var customer in Reader.GetCustomersAsync())
        {
            if (!which(customer) || Customers.ContainsKey(customer.Id))
            {
                continue;
            }

            var externalId = new ExternalId(Account.AccountId, customer.Id);
            var asContact = long.Parse(customer.Id.Value, System.Globalization.CultureInfo.InvariantCulture) % 2 == 0;
            var record = new JsonObject { ["LastName"] = "Shopper " + customer.Id.Value, ["Lightspeed_Customer_Id__c"] = externalId.Value };
            if (!asContact)
            {
                record["Company"] = "Walk-up Co";
            }

            var id = Org.Control.LoadRecords(asContact ? "Contact" : "Lead", [record])[0];
            var type = asContact ? CustomerObjectType.Contact : CustomerObjectType.Lead;
            links.Record(externalId, type, SalesforceId.Parse(id));
            Customers[customer.Id] = (type, id);
        }
    }

    /// <summary>Every completed sale of the account (voided ones included), read through the Lightspeed API.</summary>
    public async Task<List<Sale>> LightspeedSalesAsync() =>
        await Reader.GetSalesAsync(new LightspeedQuery().Where("completed", FilterOperator.Equal, "true")).ToListAsync();

    /// <summary>Runs SOQL in the org without spending API calls (the control surface), returning its records.</summary>
    public IReadOnlyList<JsonObject> Query(string soql) =>
        Org.Control.Query(soql)["records"]!.AsArray().Select(r => r!.AsObject()).ToList();

    public long OrgCounter(string name) => Org.Control.Counters.TryGetValue(name, out var value) ? value : 0;

    public async ValueTask DisposeAsync()
    {
        State.Dispose();
        Writer.Dispose();
        Reader.Dispose();
        Http.Dispose();
        await Org.DisposeAsync();
        await Lightspeed.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "sfdx-project.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("sfdx-project.json not found above the test directory.");
    }
}
