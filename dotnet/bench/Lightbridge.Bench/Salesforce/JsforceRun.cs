using System.Diagnostics;
using System.Text.Json;

namespace Lightbridge.Bench.Salesforce;

/// <summary>
/// Runs <c>jsforce-bulk.mjs</c> as a child process against the emulator and reads the one JSON line it prints.
/// jsforce comes from <c>tests/conformance/node_modules</c> (installed by tests/conformance/run.sh); when that
/// install is absent the pinned version is installed into this folder's own <c>node_modules</c> (git-ignored).
/// </summary>
internal static class JsforceRun
{
    private const string JsforceVersion = "3.10.16";

    public static async Task<JsforceOutcome> RunAsync(string repoRoot, Uri loginUrl, string clientId, string clientSecret, string csvPath, TimeSpan pollInterval)
    {
        var scriptFolder = Path.Combine(repoRoot, "dotnet", "bench", "Lightbridge.Bench", "Salesforce");
        var modules = await FindOrInstallJsforceAsync(repoRoot, scriptFolder);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = scriptFolder,
        };
        start.ArgumentList.Add("--expose-gc");
        start.ArgumentList.Add(Path.Combine(scriptFolder, "jsforce-bulk.mjs"));
        start.ArgumentList.Add(loginUrl.ToString().TrimEnd('/'));
        start.ArgumentList.Add(clientId);
        start.ArgumentList.Add(clientSecret);
        start.ArgumentList.Add(csvPath);
        start.ArgumentList.Add(modules);
        start.ArgumentList.Add(((int)pollInterval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var (exitCode, stdout, stderr) = await RunProcessAsync(start);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"jsforce-bulk.mjs exited with {exitCode}: {Truncate(stderr)}");
        }

        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new JsforceOutcome(
            root.GetProperty("rows").GetInt32(),
            root.GetProperty("elapsedMs").GetDouble(),
            root.GetProperty("baselineRss").GetInt64(),
            root.GetProperty("peakRss").GetInt64(),
            root.GetProperty("successful").GetInt32(),
            root.GetProperty("failed").GetInt32(),
            root.GetProperty("unprocessed").GetInt32());
    }

    private static async Task<string> FindOrInstallJsforceAsync(string repoRoot, string scriptFolder)
    {
        var conformance = Path.Combine(repoRoot, "tests", "conformance", "node_modules");
        if (Directory.Exists(Path.Combine(conformance, "jsforce")))
        {
            return conformance;
        }

        var own = Path.Combine(scriptFolder, "node_modules");
        if (Directory.Exists(Path.Combine(own, "jsforce")))
        {
            return own;
        }

        var npm = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = scriptFolder,
        };
        foreach (var argument in new[] { "install", "--no-package-lock", "--no-save", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", scriptFolder, $"jsforce@{JsforceVersion}" })
        {
            npm.ArgumentList.Add(argument);
        }

        var (exitCode, _, stderr) = await RunProcessAsync(npm);
        if (exitCode != 0 || !Directory.Exists(Path.Combine(own, "jsforce")))
        {
            throw new InvalidOperationException($"npm install of jsforce {JsforceVersion} failed ({exitCode}): {Truncate(stderr)}");
        }

        return own;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
