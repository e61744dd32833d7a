using System.Net;
using Lightbridge.Emulators.Lightspeed.Auth;
using Lightbridge.Emulators.Lightspeed.Control;
using Lightbridge.Emulators.Lightspeed.Data;
using Lightbridge.Emulators.Lightspeed.Endpoints;
using Lightbridge.Emulators.Lightspeed.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Emulators.Lightspeed;

/// <summary>
/// A running Lightspeed R-Series V3 emulator on loopback: the API under <see cref="BaseUrl"/> + <c>/API/V3/</c>,
/// OAuth at <see cref="TokenUrl"/>, and the control surface under <c>/__emulator/</c>.
/// </summary>
public sealed class LightspeedEmulator : IAsyncDisposable
{
    /// <summary>The defaulted client id when <see cref="LightspeedEmulatorOptions.ClientId"/> is null.</summary>
    public const string DefaultClientId = "lightbridge-emulator-client";

    /// <summary>The defaulted client secret when <see cref="LightspeedEmulatorOptions.ClientSecret"/> is null.</summary>
    public const string DefaultClientSecret = "lightbridge-emulator-secret";

    private readonly WebApplication _app;
    private readonly TrafficGenerator _traffic;

    private LightspeedEmulator(WebApplication app, TrafficGenerator traffic, Uri baseUrl, string accountId, string clientId, string clientSecret, string refreshToken, bool defaulted, LightspeedEmulatorControl control)
    {
        _app = app;
        _traffic = traffic;
        BaseUrl = baseUrl;
        TokenUrl = new Uri(baseUrl, "/auth/oauth/token");
        AccountId = accountId;
        ClientId = clientId;
        ClientSecret = clientSecret;
        InitialRefreshToken = refreshToken;
        CredentialsDefaulted = defaulted;
        Control = control;
    }

    /// <summary>e.g. <c>http://127.0.0.1:PORT</c>; clients add <c>/API/V3/…</c>.</summary>
    public Uri BaseUrl { get; }

    public Uri TokenUrl { get; }

    public string AccountId { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public string InitialRefreshToken { get; }

    /// <summary>True when at least one of client id, secret or refresh token was not given and took its default.</summary>
    public bool CredentialsDefaulted { get; }

    public LightspeedEmulatorControl Control { get; }

    /// <summary>The deterministic default initial refresh token for an account.</summary>
    public static string DefaultRefreshToken(string accountId) => "def50200lightbridgeemulator" + accountId;

    public static async Task<LightspeedEmulator> StartAsync(LightspeedEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Lightspeed emulator options: " + string.Join(" ", errors), nameof(options));
        }

        var time = options.TimeProvider;
        var clientId = options.ClientId ?? DefaultClientId;
        var clientSecret = options.ClientSecret ?? DefaultClientSecret;
        var refreshToken = options.RefreshToken ?? DefaultRefreshToken(options.AccountId);
        var defaulted = options.ClientId is null || options.ClientSecret is null || options.RefreshToken is null;

        var store = new EmulatorStore();
        var size = new DataSize(options.Seed, options.Shops, options.Customers, options.Items, options.Sales).Normalized();
        new DataGenerator(size, options.HistoryEnd).Fill(store);
        var mutator = new StoreMutator(store, time);
        mutator.Reseed(size.Seed);
        var tokens = new TokenService(options.AccountId, clientId, clientSecret, refreshToken, options.AccessTokenLifetime, time);
        var counters = new EmulatorCounters { Refreshes = () => tokens.Refreshes };
        var limiter = new RateLimiter(options.Bucket, options.EffectiveTimeScale, time, () => store.ActiveRegisterCount);
        var faults = new FaultInjector(size.Seed);
        var traffic = new TrafficGenerator(mutator, time);
        var control = new LightspeedEmulatorControl(store, options.HistoryEnd, mutator, traffic, faults, counters, limiter, tokens);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // No request logging: bearer tokens and customer data must never reach a log.
        builder.Logging.ClearProviders();
        var address = options.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Host);
        builder.WebHost.UseKestrel(k => k.Listen(address, options.Port));
        var app = builder.Build();

        var pipeline = new ApiPipeline(store, EntityCatalog.Create(), tokens, limiter, faults, counters, time, options.AccountId, clientId);
        app.Map("/API/{**rest}", pipeline.HandleAsync);
        AuthEndpoints.Map(app, tokens, counters);
        Uri? baseUrl = null;
        ControlEndpoints.Map(app, control, () => new
        {
            baseUrl = baseUrl?.ToString().TrimEnd('/'),
            tokenUrl = baseUrl is null ? null : new Uri(baseUrl, "/auth/oauth/token").ToString(),
            accountId = options.AccountId,
            clientId,
            bucket = options.Bucket.ToString().ToLowerInvariant(),
            timeScale = options.EffectiveTimeScale,
        });

        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        baseUrl = new Uri(bound.Replace("[::1]", "localhost", StringComparison.Ordinal));
        return new LightspeedEmulator(app, traffic, baseUrl, options.AccountId, clientId, clientSecret, refreshToken, defaulted, control);
    }

    public async ValueTask DisposeAsync()
    {
        await _traffic.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
