using System.CommandLine;
using Lightbridge.Cli.Configuration;
using Lightbridge.Cli.Logging;
using Lightbridge.Cli.Worker;
using Lightbridge.Sync.Mapping;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge run</c>: the worker. Runs each entity on its cron schedule, turns resync requests from
/// <c>/event/Lightspeed_Resync_Request__e</c> into durable jobs and runs them, and serves health and metrics on
/// <c>Health:Urls</c>, until SIGTERM or Ctrl+C. Exit 0 after a graceful stop, 3 when a part of the worker died
/// (the subscriber gave up, say), 2 for bad configuration (also a
/// state file held by another worker, or a health URL that cannot be bound).
/// </summary>
internal static class RunCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("run", "Run the worker: schedules, resync requests, health and metrics, until stopped.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            WorkerSettings settings;
            CompiledMappings mappings;
            Serilog.Core.Logger log;
            try
            {
                var configuration = LightbridgeConfiguration.Build(parseResult.GetValue(options.Config));
                settings = WorkerSettings.Read(configuration);
                mappings = new MappingCompiler().Compile(settings.Sync.Mapping);
                log = CommandLogging.Create(configuration, parseResult, options, consoleToStandardError: false);
            }
            catch (Exception ex) when (ex is ConfigurationProblemException or MappingConfigurationException)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }

            await using var _ = log;
            try
            {
                using var state = StateSettings.Open(settings.Sync.State, TimeProvider.System);
                await using var app = WorkerHost.Build(settings, mappings, state, log);
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (IOException ex)
                {
                    // Kestrel could not bind: another process holds the port, or the address is not local.
                    throw new ConfigurationProblemException("Health:Urls", $"cannot listen on {string.Join(", ", settings.HealthUrls)} ({ex.Message}).", ex);
                }

                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                foreach (var address in addresses)
                {
                    log.Information("Serving health and metrics at {HealthUrl}", address);
                }

                await app.WaitForShutdownAsync(cancellationToken);

                // A part of the worker that died (the host stops when one does) is not a graceful stop: exit
                // non-zero so the service manager restarts the worker.
                var crashed = app.Services.GetServices<IHostedService>().OfType<BackgroundService>().Where(s => s.ExecuteTask is { IsFaulted: true }).ToList();
                foreach (var service in crashed)
                {
                    log.Fatal(service.ExecuteTask!.Exception!.GetBaseException(), "{Service} stopped with an error; the worker stopped", service.GetType().Name);
                }

                log.Information("The worker stopped");
                return crashed.Count > 0 ? ExitCodes.ExternalSystemFailure : ExitCodes.Success;
            }
            catch (ConfigurationProblemException ex)
            {
                log.Error("Cannot start: {Problem}", ex.Message);
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
        });
        return command;
    }
}
