using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// Both emulators, in this process, on loopback ports the system picks: a generated Lightspeed account and an org with
/// the package's schema. The settings a worker needs to reach them are <see cref="WorkerConfiguration"/>.
/// </summary>
internal sealed class DemoEmulators : IAsyncDisposable
{
    private DemoEmulators(LightspeedEmulator lightspeed, SalesforceEmulator salesforce)
    {
        Lightspeed = lightspeed;
        Salesforce = salesforce;
    }

    /// <summary>The Lightspeed R-Series emulator.</summary>
    public LightspeedEmulator Lightspeed { get; }

    /// <summary>The Salesforce org emulator.</summary>
    public SalesforceEmulator Salesforce { get; }

    /// <summary>The Lightspeed control surface over HTTP (<c>/__emulator/</c>).</summary>
    public Uri LightspeedControlUrl => new(Lightspeed.BaseUrl, "/__emulator/");

    /// <summary>The Salesforce control surface over HTTP (<c>/__emulator/</c>).</summary>
    public Uri SalesforceControlUrl => new(Salesforce.InstanceUrl, "/__emulator/");

    /// <summary>
    /// Starts both. The Lightspeed bucket is the real 2026 one on a clock sped up twenty times (<c>--bucket fast</c>): the
    /// worker's throttle is exercised, and the demo still fits in minutes.
    /// </summary>
    public static async Task<DemoEmulators> StartAsync(DemoOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lightspeed = await LightspeedEmulator.StartAsync(
            new LightspeedEmulatorOptions
            {
                Port = 0,
                Seed = options.Seed,
                Shops = options.Shops,
                Customers = options.Customers,
                Items = options.Items,
                Sales = options.Sales,
                Bucket = BucketMode.Fast,
            },
            ct).ConfigureAwait(false);
        try
        {
            var salesforce = await SalesforceEmulator.StartAsync(
                new SalesforceEmulatorOptions { Port = 0, MetadataPath = options.MetadataFolder, FaultSeed = options.Seed },
                ct).ConfigureAwait(false);
            return new DemoEmulators(lightspeed, salesforce);
        }
        catch
        {
            await lightspeed.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The settings of a worker over these emulators, as a <c>lightbridge.json</c> would give them: the Lightspeed
    /// credentials the emulator printed, the org's client-credentials login, the state file, health on a free port, and
    /// <paramref name="scheduled"/> deciding whether the entities run on the default schedules or only when asked.
    /// </summary>
    public Dictionary<string, string?> WorkerConfiguration(DemoOptions options, bool scheduled)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Lightspeed:BaseUrl"] = Lightspeed.BaseUrl.ToString(),
            ["Lightspeed:TokenUrl"] = Lightspeed.TokenUrl.ToString(),
            ["Lightspeed:AccountId"] = Lightspeed.AccountId,
            ["Lightspeed:ClientId"] = Lightspeed.ClientId,
            ["Lightspeed:ClientSecret"] = Lightspeed.ClientSecret,
            ["Lightspeed:RefreshToken"] = Lightspeed.InitialRefreshToken,
            ["Salesforce:LoginUrl"] = Salesforce.LoginUrl.ToString(),
            ["Salesforce:Auth"] = "ClientCredentials",
            ["Salesforce:ClientId"] = Salesforce.ClientId,
            ["Salesforce:ClientSecret"] = Salesforce.ClientSecret,
            ["State:Path"] = options.StatePath,
            ["Health:Urls"] = "http://127.0.0.1:0",
        };
        if (!scheduled)
        {
            // An empty schedule turns the entity's schedule off: the demo decides when each pass runs, so its figures
            // are the passes it shows and nothing a timer slipped in between.
            foreach (var entity in Worker.ScheduleSettings.Defaults.Keys)
            {
                settings[$"{Worker.ScheduleSettings.SectionName}:{entity}"] = string.Empty;
            }
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Salesforce.DisposeAsync().ConfigureAwait(false);
        await Lightspeed.DisposeAsync().ConfigureAwait(false);
    }
}
