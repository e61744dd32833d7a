using Lightbridge.Cli.Configuration;
using Lightbridge.Cli.Worker;
using Lightbridge.Core.Normalization;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// The <c>run</c> worker, built by <see cref="WorkerHost"/> from settings read and checked by <see cref="WorkerSettings"/>
/// exactly as <c>lightbridge run</c> reads a settings file: the same clients, engine, lane, resync subscriber and job
/// runner, health and metrics. The demo drives its passes through the worker's lane and reads its clients' statistics.
/// </summary>
internal sealed class DemoWorker : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoWorker(WebApplication app, AccountContext account, Uri healthUrl)
    {
        _app = app;
        Account = account;
        HealthUrl = healthUrl;
    }

    /// <summary>The lane every run of the worker goes through, scheduled or requested.</summary>
    public IEntityRunner Runner => _app.Services.GetRequiredService<IEntityRunner>();

    /// <summary>The worker's Lightspeed client (its statistics count the worker's requests).</summary>
    public LightspeedClient Lightspeed => _app.Services.GetRequiredService<LightspeedClient>();

    /// <summary>The worker's Salesforce client (its statistics count the worker's API calls).</summary>
    public SalesforceClient Salesforce => _app.Services.GetRequiredService<SalesforceClient>();

    /// <summary>The account the worker syncs.</summary>
    public AccountContext Account { get; }

    /// <summary>Where the worker serves health, readiness, status and metrics.</summary>
    public Uri HealthUrl { get; }

    /// <summary>Reads the settings, builds the worker over <paramref name="state"/> and starts it.</summary>
    /// <exception cref="ConfigurationProblemException">A setting is wrong (a bug of the demo: it writes them).</exception>
    public static async Task<DemoWorker> StartAsync(IReadOnlyDictionary<string, string?> settings, StateStore state, Serilog.Core.Logger log, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var worker = WorkerSettings.Read(configuration);
        var mappings = new MappingCompiler().Compile(worker.Sync.Mapping);
        var app = WorkerHost.Build(worker, mappings, state, log);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? worker.HealthUrls[0];
        return new DemoWorker(app, worker.Sync.Account, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        // As on SIGTERM: the run in hand ends after its batch, then the services stop.
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
