using System.Text.Json;
using Lightbridge.Bench.Salesforce;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Bench.Sync;

/// <summary>
/// Both emulators on loopback with their limits on (the Lightspeed bucket, the org's daily API allocation and Bulk job
/// processing) and a folder holding the <c>lightbridge</c> settings and state file, for the end-to-end scenarios that run
/// the real executable against them.
/// </summary>
internal sealed class SyncRig : IAsyncDisposable
{
    private SyncRig(LightspeedEmulator lightspeed, SalesforceEmulator org, string folder)
    {
        Lightspeed = lightspeed;
        Org = org;
        Folder = folder;
        ConfigPath = Path.Combine(folder, "settings.json");
    }

    public LightspeedEmulator Lightspeed { get; }

    public SalesforceEmulator Org { get; }

    public string Folder { get; }

    public string ConfigPath { get; }

    /// <summary>
    /// Starts the emulators and writes the settings: Bulk polled after 250 ms per 10,000 records, then up to every 4 s, and the given schedules
    /// (<c>Sync:Schedules</c>, entity → cron) for <c>lightbridge run</c>.
    /// </summary>
    public static async Task<SyncRig> StartAsync(LightspeedEmulatorOptions lightspeedOptions, IReadOnlyDictionary<string, string>? schedules = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lightbridge-bench", "sync-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var lightspeed = await LightspeedEmulator.StartAsync(lightspeedOptions);
        var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions
        {
            MetadataPath = Path.Combine(SalesforceBulkBenchmark.FindRepoRoot(), "force-app"),

            // A real job takes seconds to process; a quarter of a second keeps the figures about our code, not a sleep.
            BulkProcessingTime = TimeSpan.FromMilliseconds(250),
            DailyApiLimit = 100_000,
        });
        var rig = new SyncRig(lightspeed, org, folder);
        await File.WriteAllTextAsync(rig.ConfigPath, JsonSerializer.Serialize(new
        {
            Lightspeed = new
            {
                BaseUrl = lightspeed.BaseUrl.ToString(), TokenUrl = lightspeed.TokenUrl.ToString(), lightspeed.AccountId,
                lightspeed.ClientId, lightspeed.ClientSecret, RefreshToken = lightspeed.InitialRefreshToken,
            },
            Salesforce = new
            {
                LoginUrl = org.LoginUrl.ToString(), Auth = "ClientCredentials", org.ClientId, org.ClientSecret,
                // The product's defaults (2 s, then up to 30 s) scaled to the emulator's quarter-second jobs, as a real
                // org's seconds-long jobs are polled; the first wait grows with the job's size.
                BulkPollInitialDelay = "00:00:00.250", BulkPollMaxDelay = "00:00:04",
            },
            Sync = new { Schedules = schedules ?? new Dictionary<string, string>() },
            State = new { Path = Path.Combine(folder, "state.db") },
            Health = new { Port = 0 },
        }));
        return rig;
    }

    /// <summary>Runs <c>lightbridge</c> with the rig's settings to its end; throws when it fails.</summary>
    public async Task<ChildRun> RunToEndAsync(TimeSpan timeout, params string[] arguments)
    {
        await using var child = LightbridgeChild.Start(Folder, [.. arguments, "--config", ConfigPath]);
        var exit = await child.WaitForExitAsync(timeout);
        var run = child.Result(exit);
        if (exit is not (0 or 1))
        {
            throw new InvalidOperationException($"lightbridge {string.Join(' ', arguments)} exited {exit}:\n{run.StandardError}\n{run.StandardOutput}");
        }

        return run;
    }

    /// <summary>The number of records of <paramref name="objectName"/> in the org.</summary>
    public int Count(string objectName) => Org.Control.Query($"SELECT COUNT() FROM {objectName}")["totalSize"]!.GetValue<int>();

    public async ValueTask DisposeAsync()
    {
        await Lightspeed.DisposeAsync();
        await Org.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A state file still held by a dying child: the temp folder is cleaned by the OS.
        }
    }
}
