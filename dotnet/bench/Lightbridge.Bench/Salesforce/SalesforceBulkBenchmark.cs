using System.Diagnostics;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Salesforce;

namespace Lightbridge.Bench.Salesforce;

/// <summary>
/// Client-side cost of a Bulk API 2.0 upsert of 100,000 Contacts (20,000 with <c>--quick</c>) through our client,
/// next to jsforce loading the same rows into the same emulator in the same run, plus the API calls per 10,000
/// records on the Collections and the Bulk paths (issue 4, "Must show"); then our streamed path (records from an
/// async stream) in a process of its own, with its peak memory at 100,000 rows and at the end: 1,000,000 rows
/// with <c>--million</c> (issue 8: flat, under 300 MB).
/// </summary>
/// <remarks>
/// The emulator runs in this process, so our memory figures include its parsing and storing of the rows while
/// the jsforce figures (a separate Node process) do not: the memory ratio is an upper bound on our share. This
/// process is sampled again while jsforce loads, which isolates the emulator's own cost, and the difference is
/// reported as the client-only estimate.
/// Both sides poll the job at the same interval, so the wall times differ by client work, not by poll cadence.
/// </remarks>
internal static class SalesforceBulkBenchmark
{
    private const int CollectionsRecords = 10_000;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<BenchResult> RunAsync(bool quick, bool million)
    {
        var rowCount = quick ? 20_000 : 100_000;
        var repoRoot = FindRepoRoot();
        await using var emulator = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions
        {
            MetadataPath = Path.Combine(repoRoot, "force-app"),
            BulkProcessingTime = TimeSpan.FromMilliseconds(100),
            ShuffleBulkResults = true,
            DailyApiLimit = 1_000_000,
        });
        using var http = new HttpClient();
        var rows = ContactRows.Generate(rowCount, seed: 7, keyPrefix: "BENCH");

        // Warm up the JIT, the connection and the emulator's Bulk path outside the measurement.
        using (var warm = NewClient(http, emulator))
        {
            await warm.BulkLoadAsync("Contact", BulkOperation.Upsert, ContactRows.Generate(200, seed: 1, keyPrefix: "WARM"), ContactRows.ExternalIdField);
        }

        // (1) Our client: one Bulk upsert of every row.
        emulator.Control.Reset();
        using var ours = NewClient(http, emulator);
        var callsBefore = emulator.Control.ApiCallsToday;
        var stopwatch = new Stopwatch();
        BulkLoadResult load;
        MemorySampler memory;
        await using (memory = MemorySampler.Start())
        {
            stopwatch.Start();
            load = await ours.BulkLoadAsync("Contact", BulkOperation.Upsert, rows, ContactRows.ExternalIdField);
            stopwatch.Stop();
            await memory.StopAsync();
        }

        var bulkCalls = emulator.Control.ApiCallsToday - callsBefore;
        var oursFailed = load.Records.Count(r => !r.Success);
        EnsureAllLoaded("our client", rowCount, load.Records.Count - oursFailed, oursFailed);

        // (2) jsforce: the same rows as CSV, into the emptied emulator.
        emulator.Control.Reset();
        var folder = Directory.CreateTempSubdirectory("lightbridge-bench-");
        JsforceOutcome js;
        MemorySampler emulatorMemory;
        int jsCalls;
        try
        {
            var csvPath = Path.Combine(folder.FullName, "contacts.csv");
            await ContactRows.WriteCsvAsync(rows, csvPath);
            var jsCallsBefore = emulator.Control.ApiCallsToday;
            // Sampling this process while jsforce loads measures what the in-process emulator alone costs for
            // the same rows, so our client's own share can be estimated by difference.
            await using (emulatorMemory = MemorySampler.Start())
            {
                js = await JsforceRun.RunAsync(repoRoot, emulator.LoginUrl, emulator.ClientId, emulator.ClientSecret, csvPath, PollInterval);
                await emulatorMemory.StopAsync();
            }

            jsCalls = emulator.Control.ApiCallsToday - jsCallsBefore;
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        EnsureAllLoaded("jsforce", rowCount, js.Successful, js.Failed + js.Unprocessed);

        // (3) The Collections path: 10,000 upserts in calls of 200.
        emulator.Control.Reset();
        using var collections = NewClient(http, emulator);
        var collectionRows = ContactRows.Generate(CollectionsRecords, seed: 11, keyPrefix: "COLL");
        var collectionsBefore = emulator.Control.ApiCallsToday;
        var collectionsWatch = Stopwatch.StartNew();
        var collectionResults = await collections.UpsertCollectionAsync("Contact", ContactRows.ExternalIdField, collectionRows);
        collectionsWatch.Stop();
        var collectionCalls = emulator.Control.ApiCallsToday - collectionsBefore;
        EnsureAllLoaded("the Collections path", CollectionsRecords, collectionResults.Count(r => r.Success), collectionResults.Count(r => !r.Success));

        // (4) Our streamed path in a process of its own: records from an async stream, results per job; peaks at
        // 100,000 rows and at the end (1,000,000 with --million), the client's memory alone.
        emulator.Control.Reset();
        var streamedRows = million ? 1_000_000 : rowCount;
        var checkpoint = Math.Min(100_000, streamedRows);
        var streamedBefore = emulator.Control.ApiCallsToday;
        var streamed = await StreamedClientRun.RunAsync(emulator.LoginUrl, emulator.ClientId, emulator.ClientSecret, streamedRows, checkpoint, PollInterval);
        var streamedCalls = emulator.Control.ApiCallsToday - streamedBefore;
        EnsureAllLoaded("the streamed client", streamedRows, streamed.Succeeded, streamed.Failed);

        const double MiB = 1024 * 1024;
        var oursWorkingSet = (memory.PeakWorkingSet - memory.BaselineWorkingSet) / MiB;
        var jsRss = (js.PeakRss - js.BaselineRss) / MiB;
        var emulatorWorkingSet = (emulatorMemory.PeakWorkingSet - emulatorMemory.BaselineWorkingSet) / MiB;
        var clientOnly = Math.Max(0, oursWorkingSet - emulatorWorkingSet);
        var oursManaged = (memory.PeakManaged - memory.BaselineManaged) / MiB;
        var emulatorManaged = (emulatorMemory.PeakManaged - emulatorMemory.BaselineManaged) / MiB;
        var clientOnlyManaged = Math.Max(0, oursManaged - emulatorManaged);
        return new BenchResult(
            "salesforce-bulk",
            new Dictionary<string, object>
            {
                ["rows"] = rowCount,
                ["object"] = "Contact",
                ["externalId"] = ContactRows.ExternalIdField,
                ["pollIntervalMs"] = PollInterval.TotalMilliseconds,
                ["emulatorBulkProcessingMs"] = 100,
                ["collectionsRecords"] = CollectionsRecords,
                ["emulator"] = "in-process (its memory counts on our side, except for the streamed client's own process)",
                ["streamedRows"] = million ? 1_000_000 : rowCount,
            },
            new Dictionary<string, double>
            {
                ["ours.seconds"] = stopwatch.Elapsed.TotalSeconds,
                ["ours.rowsPerSecond"] = rowCount / stopwatch.Elapsed.TotalSeconds,
                ["ours.peakWorkingSetDeltaMiB"] = oursWorkingSet,
                ["ours.peakPrivateDeltaMiB"] = (memory.PeakPrivate - memory.BaselinePrivate) / MiB,
                ["ours.peakManagedDeltaMiB"] = oursManaged,
                ["ours.peakWorkingSetMiB"] = memory.PeakWorkingSet / MiB,
                ["ours.jobs"] = load.JobIds.Count,
                ["ours.apiCalls"] = bulkCalls,
                ["ours.tokenRequests"] = ours.Statistics.TokenRequests,
                ["emulator.peakWorkingSetDeltaMiB"] = emulatorWorkingSet,
                ["emulator.peakManagedDeltaMiB"] = emulatorManaged,
                ["ours.clientOnlyEstimateMiB"] = clientOnly,
                ["ours.clientOnlyManagedEstimateMiB"] = clientOnlyManaged,
                ["jsforce.seconds"] = js.ElapsedMs / 1000,
                ["jsforce.rowsPerSecond"] = rowCount / (js.ElapsedMs / 1000),
                ["jsforce.peakRssDeltaMiB"] = jsRss,
                ["jsforce.peakRssMiB"] = js.PeakRss / MiB,
                ["jsforce.apiCalls"] = jsCalls,
                ["ratio.time(ours/jsforce)"] = stopwatch.Elapsed.TotalMilliseconds / js.ElapsedMs,
                ["ratio.memory(ours/jsforce)"] = oursWorkingSet / jsRss,
                ["ratio.memoryClientOnly(ours/jsforce)"] = clientOnly / jsRss,
                ["ratio.memoryClientMgd(ours/jsforce)"] = clientOnlyManaged / jsRss,
                ["bulk.apiCallsPer10k"] = bulkCalls * 10_000.0 / rowCount,
                ["collections.apiCallsPer10k"] = collectionCalls * 10_000.0 / CollectionsRecords,
                ["collections.tokenRequests"] = collections.Statistics.TokenRequests,
                ["collections.seconds"] = collectionsWatch.Elapsed.TotalSeconds,
                ["streamed.rows"] = streamedRows,
                ["streamed.seconds"] = streamed.Seconds,
                ["streamed.rowsPerSecond"] = streamedRows / streamed.Seconds,
                ["streamed.jobs"] = streamed.Jobs,
                ["streamed.apiCallsPer10k"] = streamedCalls * 10_000.0 / streamedRows,
                ["streamed.checkpointRows"] = checkpoint,
                ["streamed.peakWorkingSetMiB@checkpoint"] = streamed.CheckpointPeakWorkingSet / MiB,
                ["streamed.peakWorkingSetMiB@end"] = streamed.PeakWorkingSet / MiB,
                ["streamed.peakWorkingSetDeltaMiB@checkpoint"] = (streamed.CheckpointPeakWorkingSet - streamed.BaselineWorkingSet) / MiB,
                ["streamed.peakWorkingSetDeltaMiB@end"] = (streamed.PeakWorkingSet - streamed.BaselineWorkingSet) / MiB,
                ["streamed.peakManagedMiB@checkpoint"] = streamed.CheckpointPeakManaged / MiB,
                ["streamed.peakManagedMiB@end"] = streamed.PeakManaged / MiB,
                ["streamed.liveManagedAfterGcMiB"] = streamed.LiveManagedAfter / MiB,
                ["ratio.time(streamed/jsforce per row)"] = (streamed.Seconds / streamedRows) / (js.ElapsedMs / 1000 / rowCount),
                ["ratio.memory(streamedEnd/jsforce)"] = (streamed.PeakWorkingSet - streamed.BaselineWorkingSet) / MiB / jsRss,
            });
    }

    private static SalesforceClient NewClient(HttpClient http, SalesforceEmulator emulator) => new(
        http,
        new SalesforceClientOptions
        {
            LoginUrl = emulator.LoginUrl,
            Auth = SalesforceAuthFlow.ClientCredentials,
            ClientId = emulator.ClientId,
            ClientSecret = emulator.ClientSecret,
            BulkPollInitialDelay = PollInterval,
            BulkPollMaxDelay = PollInterval,
        },
        TimeProvider.System);

    private static void EnsureAllLoaded(string who, int expected, int succeeded, int failed)
    {
        if (succeeded != expected || failed != 0)
        {
            throw new InvalidOperationException($"{who} loaded {succeeded} of {expected} rows ({failed} failed or unprocessed): the figures would be meaningless.");
        }
    }

    /// <summary>The checkout root: the first ancestor (of the working folder, then of the binary) holding force-app.</summary>
    internal static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (Directory.Exists(Path.Combine(folder.FullName, "force-app")) && Directory.Exists(Path.Combine(folder.FullName, "dotnet")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("The repository root (with force-app/) was not found above the working folder or the binary.");
    }
}
