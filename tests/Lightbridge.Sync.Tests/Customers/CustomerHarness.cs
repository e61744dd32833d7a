using System.Text.Json.Nodes;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Normalization;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Sync.Tests.CustomerSync;

/// <summary>
/// Both emulators on loopback (OS-chosen ports), the real clients and a real LiteDB file, seeded with enough customers
/// to hold duplicates; plus what the tests need to reason about Lightspeed's shoppers independently of the pipeline.
/// </summary>
internal sealed class CustomerHarness : IAsyncDisposable
{
    private readonly string _folder;

    private CustomerHarness(LightspeedEmulator lightspeed, SalesforceEmulator org, HttpClient http, LightspeedClient reader, SalesforceClient writer, StateStore state, string folder)
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

    public static async Task<CustomerHarness> StartAsync(int customers = 40)
    {
        var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions
        {
            Seed = 21, Shops = 2, Customers = customers, Items = 5, Sales = 5, Bucket = BucketMode.Off,
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
        }, TimeProvider.System);
        var folder = Path.Combine(Path.GetTempPath(), "lightbridge-customers-" + Guid.NewGuid().ToString("N"));
        var state = StateStore.Open(new StateOptions { Path = Path.Combine(folder, "state.db") }, TimeProvider.System);
        return new CustomerHarness(lightspeed, org, http, reader, writer, state, folder);
    }

    public SyncEngine Engine(MatchingOptions? matching = null, SyncOptions? options = null) =>
        new(Reader, Writer, State, new MappingCompiler().Compile(new MappingOptions()), options ?? new SyncOptions(), TimeProvider.System, matching: matching);

    public Task<SyncRunResult> SyncCustomersAsync(SyncEngine engine) => engine.RunEntityAsync(SyncEntity.Customer, Account);

    /// <summary>Every customer as the Lightspeed API returns it, archived ones included.</summary>
    public async Task<List<Customer>> LightspeedCustomersAsync() =>
        await Reader.GetCustomersAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();

    /// <summary>The external id the package stamps on a customer's record.</summary>
    public string ExternalIdOf(Customer customer) => $"{Lightspeed.AccountId}-{customer.Id.Value}";

    /// <summary>
    /// The shoppers among <paramref name="customers"/>, worked out here rather than by the pipeline: customers sharing a
    /// normalized email or phone are one shopper (the batch deduplication rule of DESIGN "Customer matching").
    /// </summary>
    public List<List<Customer>> Shoppers(IReadOnlyList<Customer> customers)
    {
        var normalizer = new CustomerNormalizer(new LibPhoneNumberNormalizer());
        var keys = customers.Select(c =>
        {
            var n = normalizer.Normalize(c, Account);
            return n.Emails.Select(e => "e:" + e.Value).Concat(n.Phones.Select(p => "p:" + p.Number.Value)).ToHashSet();
        }).ToList();
        var shopper = Enumerable.Range(0, customers.Count).ToArray();
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < customers.Count; i++)
            {
                for (var j = i + 1; j < customers.Count; j++)
                {
                    if (shopper[i] != shopper[j] && keys[i].Overlaps(keys[j]))
                    {
                        var (keep, drop) = (Math.Min(shopper[i], shopper[j]), Math.Max(shopper[i], shopper[j]));
                        for (var k = 0; k < shopper.Length; k++)
                        {
                            shopper[k] = shopper[k] == drop ? keep : shopper[k];
                        }

                        changed = true;
                    }
                }
            }
        }
        while (changed);

        return Enumerable.Range(0, customers.Count).GroupBy(i => shopper[i]).Select(g => g.Select(i => customers[i]).ToList()).ToList();
    }

    /// <summary>A customer's valid emails and E.164 phones, as the normalizer reads them.</summary>
    public NormalizedCustomer Normalized(Customer customer) => new CustomerNormalizer(new LibPhoneNumberNormalizer()).Normalize(customer, Account);

    /// <summary>Runs SOQL in the org without spending API calls (the control surface), returning its records.</summary>
    public IReadOnlyList<JsonObject> Query(string soql) =>
        Org.Control.Query(soql)["records"]!.AsArray().Select(r => r!.AsObject()).ToList();

    public string LoadRecord(string objectName, JsonObject record) => Org.Control.LoadRecords(objectName, [record])[0];

    public long OrgCounter(string name) => Org.Control.Counters.TryGetValue(name, out var value) ? value : 0;

    /// <summary>The Salesforce id the customer pipeline linked a customer to, through the shared link map.</summary>
    public string? LinkedId(Customer customer) =>
        State.SyncedRecords.Get("Contact", ExternalIdOf(customer)) ?? State.SyncedRecords.Get("Lead", ExternalIdOf(customer));

    public static SalesforceId Id(string text) => SalesforceId.Parse(text);

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
