using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// Bad configuration stops the program at start with exit 2 and a message naming the setting; secrets may come from
/// files (<c>_FILE</c> settings) instead of the settings file or the environment. Each case runs the real process.
/// </summary>
[TestFixture]
public sealed class ConfigurationErrorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-config-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Sync_LightspeedUrlMissing_ExitsTwoNamingIt()
    {
        var config = Valid();
        config["Lightspeed"]!.AsObject().Remove("BaseUrl");

        var (exit, error) = await SyncAsync(config);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("Lightspeed:BaseUrl"));
    }

    [Test]
    public async Task Sync_UnknownSeries_ExitsTwoNamingIt()
    {
        var config = Valid();
        config["Lightspeed"]!["Series"] = "Q";

        var (exit, error) = await SyncAsync(config);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("Lightspeed:Series").And.Contain("'Q'"));
    }

    [Test]
    public async Task Sync_XSeriesWithoutDomainPrefix_ExitsTwoNamingIt()
    {
        var config = Valid();
        config["Lightspeed"]!["Series"] = "X";

        var (exit, error) = await SyncAsync(config);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("Lightspeed:DomainPrefix"));
    }

    [Test]
    public async Task Sync_CollectionsPerCallAboveFive_ExitsTwoNamingIt()
    {
        var config = Valid();
        config["Salesforce"]!["CollectionsPerCall"] = 6;

        var (exit, error) = await SyncAsync(config);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("Salesforce:CollectionsPerCall must be between 1 and 5"));
    }

    [Test]
    public async Task Sync_PrivateKeyFileMissing_ExitsTwoNamingThePrivateKeyPath()
    {
        var config = JwtBearer(Path.Combine(_directory, "no-such-key.pem"));

        var (exit, error) = await SyncAsync(config);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("Salesforce:PrivateKeyPath").And.Contain("no-such-key.pem"));
    }

    [Test]
    public async Task Sync_PrivateKeyFileNotAKey_ExitsTwoWithoutEchoingTheFile()
    {
        var path = Path.Combine(_directory, "not-a-key.pem");
        await File.WriteAllTextAsync(path, "this is not a key but could be a secret\n");

        var (exit, error) = await SyncAsync(JwtBearer(path));

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("Salesforce:PrivateKeyPath").And.Contain("no RSA private key"));
        Assert.That(error, Does.Not.Contain("could be a secret"));
    }

    [Test]
    public async Task Sync_UnknownEntity_ExitsTwoNamingTheOption()
    {
        using var process = LightbridgeProcess.StartIn(_directory, null, "sync", "--entity", "Invoice", "--config", await WriteAsync(Valid()));

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain("--entity").Or.Contain("Invoice"));
    }

    [Test]
    public async Task Sync_MappingOverrideOfAnUnknownField_ExitsTwoNamingIt()
    {
        var config = Valid();
        config["Mapping"] = new JsonObject { ["Overrides"] = new JsonObject { ["Product2"] = new JsonObject { ["No_Such_Field__c"] = "item.name" } } };

        var (exit, error) = await SyncAsync(config);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("No_Such_Field__c"));
    }

    [Test]
    public async Task Sync_StateFileDamaged_ExitsTwoNamingTheFileAndTheRecoveryAndLeavesItAlone()
    {
        var state = Path.Combine(_directory, "state.db");
        var damaged = new byte[3 * 8192 + 100];
        new Random(3).NextBytes(damaged);
        await File.WriteAllBytesAsync(state, damaged);

        var (exit, error) = await SyncAsync(Valid());

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("State:Path").And.Contain("damaged").And.Contain("state.db").And.Contain("operator-runbook"));
        Assert.That(await File.ReadAllBytesAsync(state), Is.EqualTo(damaged), "the damaged file is kept as it was, for the operator to move aside");
    }

    [Test]
    public async Task Sync_SecretFileUnreadable_ExitsTwoNamingTheSetting()
    {
        var config = Valid();
        config["Salesforce"]!["ClientSecret_FILE"] = Path.Combine(_directory, "missing-secret");

        var (exit, error) = await SyncAsync(config);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("Salesforce:ClientSecret_FILE").And.Contain("missing-secret"));
    }

    [Test]
    public async Task Sync_SecretsFromFilesNamedInTheEnvironment_SyncsWithNoSecretInTheSettingsFile()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 2, Shops = 1, Customers = 2, Items = 3, Sales = 2, Bucket = BucketMode.Off });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = Valid(lightspeed, org);
        config["Salesforce"]!.AsObject().Remove("ClientSecret");
        config["Lightspeed"]!.AsObject().Remove("ClientSecret");
        var salesforceSecret = Path.Combine(_directory, "sf-secret");
        var lightspeedSecret = Path.Combine(_directory, "ls-secret");
        await File.WriteAllTextAsync(salesforceSecret, org.ClientSecret + "\n");
        await File.WriteAllTextAsync(lightspeedSecret, lightspeed.ClientSecret);
        var environment = new Dictionary<string, string>
        {
            ["LIGHTBRIDGE_Salesforce__ClientSecret_FILE"] = salesforceSecret,
            ["LIGHTBRIDGE_Lightspeed__ClientSecret_FILE"] = lightspeedSecret,
        };

        using var process = LightbridgeProcess.StartIn(_directory, environment, "sync", "--entity", "Shop", "--config", await WriteAsync(config));

        Assert.That(await process.WaitForExitAsync(Timeout), Is.Zero, process.StandardError);
        Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.EqualTo(1));
    }

    private async Task<(int Exit, string Error)> SyncAsync(JsonObject config)
    {
        using var process = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", await WriteAsync(config));
        var exit = await process.WaitForExitAsync(Timeout);
        return (exit, process.StandardError);
    }

    private async Task<string> WriteAsync(JsonObject config)
    {
        var path = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(path, config.ToJsonString());
        return path;
    }

    private JsonObject JwtBearer(string keyPath)
    {
        var config = Valid();
        config["Salesforce"] = new JsonObject
        {
            ["LoginUrl"] = "http://127.0.0.1:9/", ["Auth"] = "JwtBearer", ["ClientId"] = "client", ["Username"] = "integration@example.com",
            ["PrivateKeyPath"] = keyPath,
        };
        return config;
    }

    /// <summary>Settings that pass every check at start; the hosts are never called by the failing cases.</summary>
    private JsonObject Valid(LightspeedEmulator? lightspeed = null, SalesforceEmulator? org = null) => JsonNode.Parse(JsonSerializer.Serialize(new
    {
        Lightspeed = new
        {
            BaseUrl = lightspeed?.BaseUrl.ToString() ?? "http://127.0.0.1:9/",
            TokenUrl = lightspeed?.TokenUrl.ToString() ?? "http://127.0.0.1:9/auth/oauth/token",
            AccountId = lightspeed?.AccountId ?? "120645",
            ClientId = lightspeed?.ClientId ?? "client",
            ClientSecret = lightspeed?.ClientSecret ?? "secret",
            RefreshToken = lightspeed?.InitialRefreshToken ?? "refresh",
        },
        Salesforce = new
        {
            LoginUrl = org?.LoginUrl.ToString() ?? "http://127.0.0.1:9/",
            Auth = "ClientCredentials",
            ClientId = org?.ClientId ?? "client",
            ClientSecret = org?.ClientSecret ?? "secret",
        },
        State = new { Path = Path.Combine(_directory, "state.db") },
    }))!.AsObject();
}
