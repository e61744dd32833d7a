using System.Net;
using Lightbridge.Emulators.Salesforce.Auth;
using Lightbridge.Emulators.Salesforce.Control;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Emulators.Salesforce;

/// <summary>
/// A running Salesforce org emulator on Kestrel: OAuth at <c>/services/oauth2/token</c>, REST under
/// <c>/services/data/vNN.N/</c>, the control surface under <c>/__emulator/</c>. Login and instance share one host.
/// </summary>
public sealed class SalesforceEmulator : IAsyncDisposable
{
    /// <summary>The consumer key used when <see cref="SalesforceEmulatorOptions.ClientId"/> is null.</summary>
    public const string DefaultClientId = "lightbridge-emulator-client";

    /// <summary>The consumer secret used when <see cref="SalesforceEmulatorOptions.ClientSecret"/> is null.</summary>
    public const string DefaultClientSecret = "lightbridge-emulator-secret";

    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private SalesforceEmulator(WebApplication app, EmulatorState state, Uri baseUrl, bool defaulted)
    {
        _app = app;
        _state = state;
        LoginUrl = baseUrl;
        InstanceUrl = baseUrl;
        CredentialsDefaulted = defaulted;
        Control = new SalesforceEmulatorControl(state);
    }

    /// <summary>Where clients post to <c>/services/oauth2/token</c>; also the JWT audience.</summary>
    public Uri LoginUrl { get; }

    /// <summary>Where the REST API lives (the same host).</summary>
    public Uri InstanceUrl { get; }

    public string ClientId => _state.ClientId;

    public string ClientSecret => _state.ClientSecret;

    /// <summary>The private key (PKCS#8 PEM) of the certificate generated at start; null when a certificate was configured.</summary>
    public string? GeneratedPrivateKeyPem => _state.Certificate.GeneratedPrivateKeyPem;

    /// <summary>The certificate JWT assertions are checked against, as PEM.</summary>
    public string CertificatePem => _state.Certificate.CertificatePem;

    /// <summary>True when the client id or secret were not configured and the defaults are in use (print them).</summary>
    public bool CredentialsDefaulted { get; }

    /// <summary>The integration user's username (the JWT subject).</summary>
    public string Username => _state.Options.Username;

    public SalesforceEmulatorControl Control { get; }

    public static async Task<SalesforceEmulator> StartAsync(SalesforceEmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var schema = MetadataLoader.Load(options.MetadataPath);
        var certificate = options.CertificatePath is null ? SigningCertificate.Generate(options.TimeProvider) : SigningCertificate.Load(options.CertificatePath);
        var defaulted = options.ClientId is null || options.ClientSecret is null;
        var state = new EmulatorState(options, schema, certificate, options.ClientId ?? DefaultClientId, options.ClientSecret ?? DefaultClientSecret);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            // Above the 16 KB the org allows, so RequestSizeGuard answers 414/431 itself.
            kestrel.Limits.MaxRequestLineSize = 1024 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 1024 * 1024;
            kestrel.Limits.MaxRequestBodySize = 200L * 1024 * 1024;
        });
        builder.Services.AddRouting();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var control = new SalesforceEmulatorControl(state);
        var data = new DataEndpoint(state);
        var oauth = new OAuthTokenEndpoint(state);
        var cometd = new CometdEndpoint(state, new CometdServer(state));
        state.Streaming = cometd.Server;
        app.Use((context, next) => RequestSizeGuard.InvokeAsync(context, () => next(context)));
        app.UseRouting();
        app.MapPost("/services/oauth2/token", oauth.HandleAsync);
        app.Map("/services/data", data.HandleAsync);
        app.Map("/services/data/{**rest}", data.HandleAsync);
        app.MapPost("/cometd/{version}", cometd.HandleAsync);
        ControlEndpoints.Map(app, state, control);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.Replace("[::]", options.Host, StringComparison.Ordinal).TrimEnd('/') + "/");
        state.BaseUrl = baseUrl.ToString();
        state.JwtValidator = new JwtBearerValidator(certificate, state.ClientId, state.BaseUrl, state.IsKnownUser, options.TimeProvider);
        return new SalesforceEmulator(app, state, baseUrl, defaulted);
    }

    public async ValueTask DisposeAsync()
    {
        await _state.Stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _state.Dispose();
    }
}
