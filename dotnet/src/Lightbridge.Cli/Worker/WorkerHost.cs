using Lightbridge.Cli.Alerts;
using Lightbridge.Cli.Configuration;
using Lightbridge.Cli.Commands;
using Lightbridge.Cli.Health;
using Lightbridge.Cli.Webhooks;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// Assembles the <c>run</c> worker: the clients, the state store and the engine that <c>sync</c> uses, the
/// schedule, the resync subscriber and job runner, and Kestrel serving health and metrics on loopback. Runs under
/// systemd as <c>Type=notify</c> (readiness and stopping are reported to the service manager).
/// </summary>
internal static class WorkerHost
{
    /// <summary>How long shutdown waits for the run in hand to finish or checkpoint.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static WebApplication Build(WorkerSettings settings, CompiledMappings mappings, StateStore state, Serilog.Core.Logger log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Host.UseSystemd();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(log, dispose: false);
        builder.WebHost.UseUrls([.. settings.HealthUrls]);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(state);
        // No automatic redirects: a 300 from an ambiguous upsert must reach the client, not be followed.
        services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan });
        services.AddSingleton<IReadOnlyList<SourceConnection>>(sp => settings.Sync.Accounts
            .Select(a => SourceConnection.Open(a, sp.GetRequiredService<HttpClient>(), state, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()))
            .ToList());
        services.AddSingleton<IReadOnlyList<ISourceReader>>(sp => sp.GetRequiredService<IReadOnlyList<SourceConnection>>().Select(c => c.Reader).ToList());
        services.AddSingleton(sp => sp.GetRequiredService<IReadOnlyList<SourceConnection>>()[0].RSeries
            ?? throw new InvalidOperationException("The configured account is not an R-Series one."));
        services.AddSingleton(sp => new SalesforceClient(
            sp.GetRequiredService<HttpClient>(), settings.Sync.Salesforce, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SalesforceClient>>()));
        services.AddSingleton<IReadOnlyList<AccountEngine>>(sp => sp.GetRequiredService<IReadOnlyList<SourceConnection>>()
            .Select(c => new AccountEngine(c.Account, new SyncEngine(
                c.Reader,
                sp.GetRequiredService<SalesforceClient>(),
                state,
                mappings,
                settings.Sync.Sync,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SyncEngine>>(),
                settings.Sync.Matching)))
            .ToList());
        services.AddSingleton<WorkerMetrics>();
        services.AddSingleton(sp => new AlertMonitor(
            settings.Alerts,
            settings.Alerts.WebhookUrl is { } webhook
                ? new WebhookAlertSink(sp.GetRequiredService<HttpClient>(), webhook, settings.AlertTemplate, sp.GetRequiredService<ILogger<WebhookAlertSink>>())
                : null,
            state,
            sp.GetRequiredService<SalesforceClient>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SyncLane(
            sp.GetRequiredService<IReadOnlyList<AccountEngine>>(), sp.GetRequiredService<WorkerMetrics>(), sp.GetRequiredService<AlertMonitor>(), sp.GetRequiredService<ILogger<SyncLane>>()));
        services.AddSingleton<IEntityRunner>(sp => sp.GetRequiredService<SyncLane>());
        services.AddSingleton<IRecordResyncRunner>(sp => sp.GetRequiredService<SyncLane>());
        services.AddSingleton<IResyncExecutor, EngineResyncExecutor>();
        services.AddSingleton<ResyncJobSignal>();
        services.AddSingleton<ChangeNoticeSignal>();
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton(settings.Schedules);
        services.AddHostedService<ScheduledSyncService>();
        services.AddHostedService<ResyncJobRunnerService>();
        if (settings.ResyncEvents)
        {
            services.AddHostedService<ResyncSubscriberService>();
        }

        var app = builder.Build();
        HealthEndpoints.Map(app);
        if (settings.Webhooks.Enabled)
        {
            WebhookEndpoint.Map(app, settings.Webhooks, app.Services.GetRequiredService<ChangeNoticeSignal>(), app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookEndpoint)));
        }

        // Told to stop (SIGTERM, systemd): the run in hand finishes its batch and commits before anything is cancelled.
        var lane = app.Services.GetRequiredService<SyncLane>();
        app.Lifetime.ApplicationStopping.Register(lane.Stop);
        return app;
    }
}
