using System.Text.Json.Nodes;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

/// <summary>
/// Both emulators on loopback (ports chosen by the OS), the real clients between them, and a real LiteDB state file in
/// a temporary folder: what a <see cref="SyncEngine"/> runs against in the pipeline tests.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private readonly string _folder;

    private SyncHarness(LightspeedEmulator lightspeed, SalesforceEmulator org, HttpClient http, LightspeedClient reader, SalesforceClient writer, StateStore state, string folder)
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

    /// <param name="lightspeedOptions">The Lightspeed account; a small seeded one when null.</param>
    /// <param name="maxTransientRetries">Retries of the Salesforce client after a transient fault (one keeps fault tests quick).</param>
    public static async Task<SyncHarness> StartAsync(LightspeedEmulatorOptions? lightspeedOptions = null, int maxTransientRetries = 1)
    {
        var lightspeed = await LightspeedEmulator.StartAsync(lightspeedOptions ?? new LightspeedEmulatorOptions
        {
            Seed = 21, Shops = 2, Customers = 10, Items = 30, Sales = 20, Bucket = BucketMode.Off,
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
            // The client's own retry count, with short waits: Lightspeed faults are retried as in production.
            TransientRetryBaseDelay = TimeSpan.FromMilliseconds(10),
            TransientRetryMaxDelay = TimeSpan.FromMilliseconds(50),
        }, new InMemoryLightspeedTokenStore(lightspeed.InitialRefreshToken), TimeProvider.System);
        var writer = new SalesforceClient(http, new SalesforceClientOptions
        {
            LoginUrl = org.LoginUrl, Auth = SalesforceAuthFlow.ClientCredentials, ClientId = org.ClientId, ClientSecret = org.ClientSecret,

            // Short waits keep the lock-retry and Bulk-poll loops fast on the real clock.
            MaxTransientRetries = maxTransientRetries,
            TransientRetryBaseDelay = TimeSpan.FromMilliseconds(10),
            TransientRetryMaxDelay = TimeSpan.FromMilliseconds(50),
            BulkPollInitialDelay = TimeSpan.FromMilliseconds(50),
            BulkPollMaxDelay = TimeSpan.FromMilliseconds(200),

            // The client's own slow-down near the API limit waits on the real clock; the pipelines' pause is tested here.
            ApiUsagePause = TimeSpan.Zero,
        }, TimeProvider.System);
        var folder = Path.Combine(Path.GetTempPath(), "lightbridge-sync-" + Guid.NewGuid().ToString("N"));
        var state = StateStore.Open(new StateOptions { Path = Path.Combine(folder, "state.db") }, TimeProvider.System);
        return new SyncHarness(lightspeed, org, http, reader, writer, state, folder);
    }

    public SyncEngine Engine(SyncOptions? options = null, MappingOptions? mapping = null) =>
        new(Reader, Writer, State, new MappingCompiler().Compile(mapping ?? new MappingOptions()), options ?? new SyncOptions(), TimeProvider.System);

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

    /// <summary>The repository's package folder, the emulated org's schema.</summary>
    public static string ForceApp => Path.Combine(RepositoryRoot(), "force-app");

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
