using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lightbridge.Salesforce;

namespace Lightbridge.Bench.Salesforce;

/// <summary>
/// Our client's streamed Bulk path (records from an async stream, explicit columns, results per job) measured in a
/// child process of its own, as jsforce is: the emulator, which keeps every row it stores, stays in the parent, so
/// the child's working set and managed heap are the client's alone. The child samples its peaks once the
/// checkpoint row has been read (100,000) and at the end (e.g. 1,000,000): flat memory shows as equal peaks.
/// </summary>
internal static class StreamedClientRun
{
    /// <summary>The scenario name the parent passes to start the child.</summary>
    public const string ChildScenario = "salesforce-bulk-streamed-client";

    /// <summary>One line, so the parent reads the last line of the child's output.</summary>
    private static readonly JsonSerializerOptions OneLine = new(BenchJson.Options) { WriteIndented = false };

    /// <summary>Runs the child and reads the one JSON line it prints.</summary>
    public static async Task<StreamedClientOutcome> RunAsync(Uri loginUrl, string clientId, string clientSecret, int rows, int checkpoint, TimeSpan pollInterval)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(StreamedClientRun).Assembly.Location);
        }

        foreach (var argument in new[]
        {
            ChildScenario, loginUrl.ToString(), clientId, clientSecret,
            rows.ToString(CultureInfo.InvariantCulture), checkpoint.ToString(CultureInfo.InvariantCulture),
            ((int)pollInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the client process");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the streamed client process exited with {process.ExitCode}: {await stderr}");
        }

        var line = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        return JsonSerializer.Deserialize<StreamedClientOutcome>(line, OneLine)
            ?? throw new InvalidOperationException("the streamed client process printed no outcome");
    }

    /// <summary>The child: loads the rows, streamed, and prints its outcome as one JSON line.</summary>
    public static async Task<int> ChildAsync(IReadOnlyList<string> args)
    {
        var loginUrl = new Uri(args[0]);
        var rows = int.Parse(args[3], CultureInfo.InvariantCulture);
        var checkpoint = int.Parse(args[4], CultureInfo.InvariantCulture);
        var poll = TimeSpan.FromMilliseconds(int.Parse(args[5], CultureInfo.InvariantCulture));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var client = new SalesforceClient(
            http,
            new SalesforceClientOptions
            {
                LoginUrl = loginUrl,
                Auth = SalesforceAuthFlow.ClientCredentials,
                ClientId = args[1],
                ClientSecret = args[2],
                BulkPollInitialDelay = poll,
                BulkPollMaxDelay = poll,
            },
            TimeProvider.System);

        (long WorkingSet, long Managed) atCheckpoint = default;
        var jobs = 0;
        var succeeded = 0;
        var failed = 0;
        var stopwatch = new Stopwatch();
        MemorySampler memory;
        await using (memory = MemorySampler.Start())
        {
            stopwatch.Start();
            async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> Rows()
            {
                foreach (var row in ContactRows.Enumerate(rows, seed: 7, keyPrefix: "STREAM"))
                {
                    yield return row;
                }

                await Task.CompletedTask;
            }

            await foreach (var job in client.BulkLoadAsync("Contact", BulkOperation.Upsert, Rows(), ContactRows.Columns, ContactRows.ExternalIdField))
            {
                jobs++;
                foreach (var record in job.Records)
                {
                    if (record.Success)
                    {
                        succeeded++;
                    }
                    else
                    {
                        failed++;
                    }
                }

                // The checkpoint is taken once the results of its rows are in hand: upload, poll and join included.
                if (atCheckpoint == default && succeeded + failed >= checkpoint)
                {
                    atCheckpoint = memory.PeaksNow();
                }
            }

            stopwatch.Stop();
            await memory.StopAsync();
        }

        // What the load left alive, after a full collection: peaks above this are garbage the GC had not yet taken.
        var liveAfter = GC.GetTotalMemory(forceFullCollection: true);

        var outcome = new StreamedClientOutcome(
            rows, stopwatch.Elapsed.TotalSeconds, jobs, succeeded, failed, checkpoint,
            memory.BaselineWorkingSet, atCheckpoint.WorkingSet, memory.PeakWorkingSet,
            memory.BaselineManaged, atCheckpoint.Managed, memory.PeakManaged, liveAfter);
        Console.WriteLine(JsonSerializer.Serialize(outcome, OneLine));
        return 0;
    }
}
