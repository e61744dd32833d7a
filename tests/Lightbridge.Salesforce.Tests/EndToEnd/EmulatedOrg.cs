using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>
/// One Salesforce emulator on a loopback port chosen by the OS, with the repository's <c>force-app/</c> schema, and
/// the clients a test builds against it. Every client shares one <see cref="HttpClient"/> that does not follow
/// redirects: an ambiguous upsert answers 300, which must reach the client as such (reference §2.3).
/// </summary>
internal sealed class EmulatedOrg : IAsyncDisposable
{
    private readonly List<SalesforceClient> _clients = [];

    private EmulatedOrg(SalesforceEmulator emulator, HttpMessageHandler handler)
    {
        Emulator = emulator;
        Http = new HttpClient(handler);
    }

    public SalesforceEmulator Emulator { get; }

    public SalesforceEmulatorControl Control => Emulator.Control;

    public HttpClient Http { get; }

    /// <summary>Starts an emulator; <paramref name="configure"/> adjusts its options, <paramref name="handler"/> replaces the socket handler.</summary>
    public static async Task<EmulatedOrg> StartAsync(Action<SalesforceEmulatorOptions>? configure = null, HttpMessageHandler? handler = null, string? metadataPath = null)
    {
        var options = new SalesforceEmulatorOptions
        {
            Port = 0,
            MetadataPath = metadataPath ?? Path.Combine(RepositoryRoot(), "force-app"),
            BulkProcessingTime = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        var emulator = await SalesforceEmulator.StartAsync(options);
        return new EmulatedOrg(emulator, handler ?? new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    /// <summary>
    /// A client logging in with client credentials unless told otherwise, with retry and Bulk poll delays of
    /// milliseconds so faults and jobs do not slow the run.
    /// </summary>
    public SalesforceClient Client(
        SalesforceAuthFlow auth = SalesforceAuthFlow.ClientCredentials,
        string? clientSecret = null,
        string? privateKeyPath = null,
        string? privateKeyPem = null,
        string? refreshToken = null,
        TimeSpan? apiUsagePause = null,
        int maxTransientRetries = 4,
        int bulkMaxUploadBytes = 100_000_000,
        TimeProvider? time = null,
        Microsoft.Extensions.Logging.ILogger<SalesforceClient>? logger = null,
        int collectionsPerCall = 5)
    {
        var options = new SalesforceClientOptions
        {
            LoginUrl = Emulator.LoginUrl,
            Auth = auth,
            ClientId = Emulator.ClientId,
            ClientSecret = auth == SalesforceAuthFlow.ClientCredentials ? clientSecret ?? Emulator.ClientSecret : clientSecret,
            Username = auth == SalesforceAuthFlow.JwtBearer ? Emulator.Username : null,
            PrivateKeyPath = privateKeyPath,
            PrivateKeyPem = privateKeyPem,
            RefreshToken = refreshToken,
            ApiUsagePause = apiUsagePause ?? TimeSpan.Zero,
            MaxTransientRetries = maxTransientRetries,
            BulkMaxUploadBytes = bulkMaxUploadBytes,
            TransientRetryBaseDelay = TimeSpan.FromMilliseconds(1),
            TransientRetryMaxDelay = TimeSpan.FromMilliseconds(5),
            BulkPollInitialDelay = TimeSpan.FromMilliseconds(10),
            BulkPollMaxDelay = TimeSpan.FromMilliseconds(50),
            RequestTimeout = TimeSpan.FromSeconds(30),
            CollectionsPerCall = collectionsPerCall,
        };
        var client = new SalesforceClient(Http, options, time ?? TimeProvider.System, logger);
        _clients.Add(client);
        return client;
    }

    /// <summary>Seeds stores <c>S-0</c>… through the emulator's save path (no API calls counted).</summary>
    public IReadOnlyList<string> LoadStores(int count, string prefix = "S-") =>
        Control.LoadRecords("Lightspeed_Store__c", Enumerable.Range(0, count).Select(i => new JsonObject
        {
            ["Name"] = $"Store {i}",
            ["Lightspeed_Shop_Id__c"] = prefix + i,
        }));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>The checkout root: the first folder above the test binaries holding <c>sfdx-project.json</c>.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "sfdx-project.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("sfdx-project.json not found above the test directory.");
    }
}
