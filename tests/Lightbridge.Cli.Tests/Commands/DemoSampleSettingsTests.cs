using System.Security.Cryptography;
using Lightbridge.Cli.Configuration;
using Lightbridge.Cli.Logging;
using Lightbridge.Salesforce;
using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Tests.Commands;

/// <summary>
/// The production settings sample the README sends operators to (docs/lightbridge.sample.json) is a file the worker
/// accepts as it is, comments included, once its secrets and key exist: every setting in it is one `run` reads and checks.
/// </summary>
[TestFixture]
public sealed class DemoSampleSettingsTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-sample-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Sample_WithItsSecretsProvided_IsReadByTheWorkerWithTheValuesItShows()
    {
        // What an operator provides beside the file: the key the connected app's certificate belongs to, and the secrets.
        var key = Path.Combine(_directory, "salesforce-jwt.key");
        using (var rsa = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(key, rsa.ExportPkcs8PrivateKeyPem());
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot.Path, "docs", "lightbridge.sample.json"), optional: false, reloadOnChange: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Lightspeed:ClientSecret"] = "from-a-credential-file",
                ["Lightspeed:RefreshToken"] = "from-a-credential-file",
                ["Salesforce:PrivateKeyPath"] = key,
                ["Logging:File:Path"] = Path.Combine(_directory, "lightbridge-.log"),
            })
            .Build();

        var settings = WorkerSettings.Read(configuration);
        var problems = new List<string>();
        var logging = LoggingSettings.Read(configuration, verbose: false, problems);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(settings.Sync.Salesforce.Auth, Is.EqualTo(SalesforceAuthFlow.JwtBearer));
            Assert.That(settings.Sync.Lightspeed!.BaseUrl, Is.EqualTo(new Uri("https://api.lightspeedapp.com")));
            Assert.That(settings.Sync.Sync.BulkThreshold, Is.EqualTo(2000));
            Assert.That(settings.Sync.Matching.FieldPolicies, Does.ContainKey("Email"));
            Assert.That(settings.Schedules.Select(s => s.Entity.ToString()), Is.EquivalentTo(new[] { "Shop", "Item", "ItemShop", "Customer", "Sale" }));
            Assert.That(settings.HealthUrls, Is.EqualTo(new[] { "http://127.0.0.1:9464" }));
            Assert.That(settings.ResyncEvents, Is.True);
            Assert.That(settings.Alerts.WebhookUrl, Is.Null, "alerts stay off until a webhook is given");
            Assert.That(logging.RetainedFileCount, Is.EqualTo(14));
        });
    }
}
