using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.State;

namespace Lightbridge.Cli.Tests.Commands;

[TestFixture]
public sealed class StatusCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-status-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Status_Json_ReportsCheckpointsQueueRunsAndUsage()
    {
        var statePath = Path.Combine(_directory, "state.db");
        SeedState(statePath, password: "s3cret");
        var config = WriteConfig(statePath, password: "s3cret");

        using var process = LightbridgeProcess.StartIn(_directory, null, "status", "--json", "--config", config);
        Assert.That(await process.WaitForExitAsync(Timeout), Is.Zero, process.StandardError);

        using var json = JsonDocument.Parse(process.StandardOutput);
        var root = json.RootElement;
        Assert.That(root.GetProperty("statePath").GetString(), Is.EqualTo(statePath));
        var checkpoint = root.GetProperty("checkpoints").EnumerateArray().Single();
        Assert.That((checkpoint.GetProperty("accountId").GetString(), checkpoint.GetProperty("entity").GetString()), Is.EqualTo(("120645", "Sale")));
        Assert.That(checkpoint.GetProperty("lag").GetDouble(), Is.GreaterThan(0), "lag in seconds behind now");
        Assert.That(root.GetProperty("queueDepth").GetInt32(), Is.EqualTo(3));
        var queue = root.GetProperty("queue").EnumerateArray().Select(q => (q.GetProperty("entity").GetString(), q.GetProperty("errorCode").GetString(), q.GetProperty("count").GetInt32())).ToList();
        Assert.That(queue, Is.EquivalentTo(new[] { ("Customer", "AmbiguousMatch", 1), ("Sale", "SaleNeedsShop", 2) }));
        var run = root.GetProperty("lastRuns").EnumerateArray().Single();
        Assert.That((run.GetProperty("entity").GetString(), run.GetProperty("status").GetString(), run.GetProperty("created").GetInt32()), Is.EqualTo(("Sale", "PartiallyFailed", 40)));
        Assert.That(root.GetProperty("apiUsageToday").GetProperty("salesforceCalls").GetInt64(), Is.EqualTo(7));
        Assert.That(process.StandardOutput, Does.Not.Contain("s3cret"));
    }

    [Test]
    public async Task Status_Table_FromEnvironmentSettings_PrintsReadableTables()
    {
        var statePath = Path.Combine(_directory, "state.db");
        SeedState(statePath, password: null);

        using var process = LightbridgeProcess.StartIn(_directory, new Dictionary<string, string> { ["LIGHTBRIDGE_State__Path"] = statePath }, "status");
        Assert.That(await process.WaitForExitAsync(Timeout), Is.Zero, process.StandardError);

        Assert.That(process.StandardOutput, Does.Contain("Checkpoints").And.Contain("Replay queue (3 waiting)").And.Contain("SaleNeedsShop").And.Contain("PartiallyFailed"));
    }

    [Test]
    public async Task Status_NoStatePath_ExitsTwoNamingTheSetting()
    {
        using var process = LightbridgeProcess.StartIn(_directory, null, "status");

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain("State:Path"));
    }

    [Test]
    public async Task Status_WrongPassword_ExitsTwoNamingThePasswordSetting()
    {
        var statePath = Path.Combine(_directory, "state.db");
        SeedState(statePath, password: "pw-right-7731");
        var config = WriteConfig(statePath, password: "pw-typo-2210");

        using var process = LightbridgeProcess.StartIn(_directory, null, "status", "--config", config);

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain("State:Password").And.Not.Contain("pw-typo-2210").And.Not.Contain("pw-right-7731"));
    }

    [Test]
    public async Task Status_StateHeldByAnotherProcess_ExitsTwoSayingSo()
    {
        var statePath = Path.Combine(_directory, "state.db");
        SeedState(statePath, password: null);
        using var held = StateStore.Open(new StateOptions { Path = statePath }, TimeProvider.System);

        // No worker answers: the health URL is a port the OS just gave out and took back (the default port may be in use
        // by a worker running on this machine, which status would rightly ask instead).
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var process = LightbridgeProcess.StartIn(
            _directory,
            new Dictionary<string, string> { ["LIGHTBRIDGE_State__Path"] = statePath, ["LIGHTBRIDGE_Health__Urls"] = $"http://127.0.0.1:{port}" },
            "status");

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2), process.StandardOutput + process.StandardError);
        Assert.That(process.StandardError, Does.Contain("State:Path").And.Contain("in use"));
    }

    [Test]
    public async Task Status_MissingConfigFile_ExitsTwoNamingTheFlag()
    {
        using var process = LightbridgeProcess.StartIn(_directory, null, "status", "--config", Path.Combine(_directory, "absent.json"));

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain("--config"));
    }

    private static void SeedState(string path, string? password)
    {
        using var state = StateStore.Open(new StateOptions { Path = path, Password = password }, TimeProvider.System);
        state.Checkpoints.Advance("120645", "Sale", new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero), [new LightspeedId("77")]);
        state.ReplayQueue.Record(new ReplayFailure("120645", "Sale", new LightspeedId("12"), "SaleNeedsShop", "Sale 12 has no shop", "shopID", null, "run-1"));
        state.ReplayQueue.Record(new ReplayFailure("120645", "Sale", new LightspeedId("13"), "SaleNeedsShop", "Sale 13 has no shop", "shopID", null, "run-1"));
        state.ReplayQueue.Record(new ReplayFailure("120645", "Customer", new LightspeedId("5"), "AmbiguousMatch", "Customer 5 matches two Contacts", null, null, "run-1"));
        state.Runs.Start("run-1", RunTrigger.Schedule, "Sale");
        state.Runs.Finish("run-1", RunStatus.PartiallyFailed, new RunCounts(Read: 42, Created: 40, Updated: 0, Failed: 2, LightspeedRequests: 3, SalesforceCalls: 7));
    }

    private string WriteConfig(string statePath, string? password)
    {
        var path = Path.Combine(_directory, "settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { State = new { Path = statePath, Password = password } }));
        return path;
    }
}
