using System.Net;
using Lightbridge.Emulators.XSeries.Api;
using Lightbridge.Emulators.XSeries.Auth;
using Lightbridge.Emulators.XSeries.Control;
using Lightbridge.Emulators.XSeries.Data;
using Lightbridge.Emulators.XSeries.RateLimiting;
using Lightbridge.Emulators.XSeries.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Emulators.XSeries;

/// <summary>
/// A running Lightspeed Retail X-Series (API 2.0) emulator on loopback: the API under <see cref="BaseUrl"/> +
/// <c>/api/2.0/</c>, webhooks under <c>/api/webhooks</c>, OAuth at <see cref="TokenUrl"/>, control under <c>/_control/</c>.
/// The real host is <c>https://{DomainPrefix}.retail.lightspeed.app</c>; clients point their base URL here instead.
/// </summary>
public sealed class XSeriesEmulator : IAsyncDisposable
{
    /// <summary>The client id used when <see cref="XSeriesEmulatorOptions.ClientId"/> is null.</summary>
    public const string DefaultClientId = "lightbridge-xseries-client";

    /// <summary>The client secret used when <see cref="XSeriesEmulatorOptions.ClientSecret"/> is null.</summary>
    public const string DefaultClientSecret = "lightbridge-xseries-secret";

    private readonly WebApplication _app;
    private readonly WebhookDispatcher _webhooks;

    private XSeriesEmulator(WebApplication app, WebhookDispatcher webhooks, Uri baseUrl, string domainPrefix, string clientId, string clientSecret, string refreshToken, bool defaulted, XSeriesEmulatorControl control)
    {
        _app = app;
        _webhooks = webhooks;
        BaseUrl = baseUrl;
        TokenUrl = new Uri(baseUrl, "/api/1.0/token");
        DomainPrefix = domainPrefix;
        ClientId = clientId;
        ClientSecret = clientSecret;
        InitialRefreshToken = refreshToken;
        CredentialsDefaulted = defaulted;
        Control = control;
    }

    /// <summary>e.g. <c>http://127.0.0.1:PORT/</c>; clients add <c>api/2.0/…</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The token endpoint, <see cref="BaseUrl"/> + <c>/api/1.0/token</c>.</summary>
    public Uri TokenUrl { get; }

    /// <summary>The retailer's domain prefix, echoed in token answers and webhook deliveries.</summary>
    public string DomainPrefix { get; }

    /// <summary>OAuth client id.</summary>
    public string ClientId { get; }

    /// <summary>OAuth client secret; also the key of the webhook <c>X-Signature</c>.</summary>
    public string ClientSecret { get; }

    /// <summary>The first refresh token; single-use.</summary>
    public string InitialRefreshToken { get; }

    /// <summary>True when at least one of client id, secret or refresh token took its default.</summary>
    public bool CredentialsDefaulted { get; }

    /// <summary>Seeding, mutations, faults, counters, webhooks and tokens, in process.</summary>
    public XSeriesEmulatorControl Control { get; }

    /// <summary>The deterministic default initial refresh token for a domain prefix.</summary>
    public static string DefaultRefreshToken(string domainPrefix) => "lsxs_ref_initial_" + domainPrefix;

    /// <summary>A refresh token of a new, independent chain (same as <see cref="XSeriesEmulatorControl.IssueRefreshToken"/>).</summary>
    public string IssueRefreshToken() => Control.IssueRefreshToken();

    /// <summary>Generates the data and starts listening; throws <see cref="ArgumentException"/> naming each bad option.</summary>
    public static async Task<XSeriesEmulator> StartAsync(XSeriesEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid X-Series emulator options: " + string.Join(" ", errors), nameof(options));
        }

        var time = options.TimeProvider;
        var clientId = options.ClientId ?? DefaultClientId;
        var clientSecret = options.ClientSecret ?? DefaultClientSecret;
        var refreshToken = options.RefreshToken ?? DefaultRefreshToken(options.DomainPrefix);
        var defaulted = options.ClientId is null || options.ClientSecret is null || options.RefreshToken is null;

        var store = new XSeriesStore();
        var size = new GeneratorSize(options.Seed, options.Outlets, options.RegistersPerOutlet, options.Customers, options.Products, options.Sales, options.HistoryDays);
        new DataGenerator(size, options.HistoryEnd).Fill(store);
        var counters = new Counters();
        var webhooks = new WebhookDispatcher(counters, options.DomainPrefix, clientSecret, options.Seed, options.WebhookDropRate, time) { RetailerId = store.RetailerId };
        var mutator = new StoreMutator(store, webhooks, time);
        mutator.Reseed(options.Seed);
        var tokens = new TokenService(options.DomainPrefix, clientId, clientSecret, refreshToken, options.AccessTokenLifetime, time);
        counters.Tokens = () => (tokens.TokenRequests, tokens.Refreshes);
        var limiter = new WindowRateLimiter(options.RateLimit, options.RequestsPerRegister, options.RequestsBase, options.TimeScale, time, () =>
        {
            lock (store.Gate)
            {
                return store.ActiveRegisterCount;
            }
        });
        var faults = new FaultInjector(options.Seed);
        var control = new XSeriesEmulatorControl(store, options, size, mutator, faults, counters, limiter, tokens, webhooks);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // No request logging: bearer tokens and customer data must never reach a log.
        builder.Logging.ClearProviders();
        var address = options.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Host);
        builder.WebHost.UseKestrel(k => k.Listen(address, options.Port));
        var app = builder.Build();

        var pipeline = new ApiPipeline(store, tokens, limiter, faults, counters, webhooks, time);
        app.Map("/api/2.0/{**rest}", pipeline.HandleAsync);
        app.Map("/api/webhooks", pipeline.HandleAsync);
        app.Map("/api/webhooks/{**rest}", pipeline.HandleAsync);
        TokenEndpoint.Map(app, tokens, key =>
        {
            counters.Request(key);
            return true;
        });
        Uri? baseUrl = null;
        ControlEndpoints.Map(app, control, () => new
        {
            baseUrl = baseUrl?.ToString().TrimEnd('/'),
            tokenUrl = baseUrl is null ? null : new Uri(baseUrl, "/api/1.0/token").ToString(),
            domainPrefix = options.DomainPrefix,
            clientId,
            rateLimit = options.RateLimit,
            timeScale = options.TimeScale,
        });

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await webhooks.DisposeAsync();
            await app.DisposeAsync();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        baseUrl = new Uri(bound.Replace("[::1]", "localhost", StringComparison.Ordinal));
        return new XSeriesEmulator(app, webhooks, baseUrl, options.DomainPrefix, clientId, clientSecret, refreshToken, defaulted, control);
    }

    /// <summary>Stops listening and finishes the webhook queue.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _webhooks.DisposeAsync();
        await _app.DisposeAsync();
    }
}
