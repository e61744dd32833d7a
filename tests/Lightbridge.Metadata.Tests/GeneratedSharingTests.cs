using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Sharing;
using Lightbridge.Metadata.Tests.Model;
using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests;

/// <summary>
/// The folder `lightbridge sharing generate` writes (Core's <see cref="SharingGenerator"/>) deploys beside the package: it
/// passes every package rule when loaded with force-app/, the Salesforce CLI converts the two together, and a second run
/// after a store opens changes only that store's files.
/// </summary>
[NonParallelizable]
public sealed class GeneratedSharingTests
{
    private static readonly TimeSpan CliTimeout = TimeSpan.FromMinutes(10);

    // Codes as the sync derives them: two shops of one account, one of another, and one with ids too long to read.
    private static readonly SharedStore[] Stores =
    [
        Store("120645-1", "Downtown"),
        Store("120645-2", "Airport & Harbour <Terminal 2>"),
        Store("98765-14", "Outlet"),
        Store("12345678901234567-8901", "Pop-up"),
    ];

    private string _directory = null!;

    private string Folder => Path.Combine(_directory, "sharing");

    private static IEnumerable<string> RuleNames => AllRules.Rules.Select(r => r.Name);

    [SetUp]
    public void CreateFolder()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-sharing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_directory, recursive: true);

    [TestCaseSource(nameof(RuleNames))]
    public void Generated_LoadedWithThePackage_PassesEveryRule(string rule)
    {
        GeneratedSharing.Generate(Folder, Stores);

        var package = PackageModel.Load(RepositoryRoot.ForceApp(), Folder);

        Assert.That(package.OfKind(MetadataKinds.Group).Count(), Is.EqualTo(Stores.Length + 1), "one group per store and head office");
        Assert.That(package.OfKind(MetadataKinds.SharingRules).Select(f => f.ComponentName), Is.EquivalentTo(new[] { "Lightspeed_Sale__c", "Lightspeed_Inventory__c" }));
        RuleAssert.Passes(AllRules.Named(rule), package);
    }

    [Test]
    public void Generated_RulesMatchOnAFieldTheSyncStamps()
    {
        GeneratedSharing.Generate(Folder, Stores);
        var package = PackageModel.Load(RepositoryRoot.ForceApp(), Folder);

        foreach (var rules in package.OfKind(MetadataKinds.SharingRules))
        {
            var fields = rules.Root!.Descendants(MetadataFile.Ns + "criteriaItems").Select(i => i.Element(MetadataFile.Ns + "field")!.Value).Distinct();
            Assert.That(fields, Is.EqualTo(new[] { "Store_Code__c" }));
            Assert.That(Design.MiddlewareWrites.Fields[rules.ComponentName!], Does.Contain("Store_Code__c"), $"the sync writes {rules.ComponentName}.Store_Code__c");
        }
    }

    [Test]
    public async Task Generated_WithThePackage_ConvertsWithTheSalesforceCli()
    {
        GeneratedSharing.Generate(Folder, Stores);
        var root = RepositoryRoot.Find();
        var sf = (await RunAsync(root, Path.Combine(root, "scripts", "sf-cli", "install.sh"))).Trim();
        var output = Path.Combine(_directory, "mdapi");

        var json = await RunAsync(root, sf, "project", "convert", "source", "--source-dir", "force-app", "--source-dir", Folder, "--output-dir", output, "--json");

        using var result = JsonDocument.Parse(json);
        Assert.That(result.RootElement.GetProperty("status").GetInt32(), Is.Zero, json);
        var manifest = await File.ReadAllTextAsync(Path.Combine(output, "package.xml"));
        Assert.That(manifest, Does.Contain("<name>Group</name>").And.Contain("<name>SharingRules</name>")
            .And.Contain("<name>SharingCriteriaRule</name>").And.Contain("<name>SharingOwnerRule</name>")
            .And.Contain("<members>Lightspeed_Store_S120645_1</members>")
            .And.Contain("<members>Lightspeed_Sale__c.Lightspeed_Store_S98765_14</members>")
            .And.Contain("<members>Lightspeed_Inventory__c.Lightspeed_Head_Office</members>")
            .And.Contain("<name>CustomObject</name>"), "the package and the sharing folder in one deployable unit");
        Assert.That(File.Exists(Path.Combine(output, "groups", "Lightspeed_Head_Office.group")), Is.True);
        Assert.That(File.Exists(Path.Combine(output, "sharingRules", "Lightspeed_Sale__c.sharingRules")), Is.True);
    }

    [Test]
    public void SecondRun_OneStoreOpened_OnlyThatStoresFilesChange()
    {
        GeneratedSharing.Generate(Folder, Stores[..3]);
        var before = GeneratedSharing.Snapshot(Folder);

        GeneratedSharing.Generate(Folder, Stores);
        var after = GeneratedSharing.Snapshot(Folder);

        var opened = Stores[3].Code;
        var rulesFiles = new[] { "main/default/sharingRules/Lightspeed_Sale__c.sharingRules-meta.xml", "main/default/sharingRules/Lightspeed_Inventory__c.sharingRules-meta.xml" };
        Assert.That(after.Keys.Except(before.Keys), Is.EqualTo(new[] { $"main/default/groups/Lightspeed_Store_{opened}.group-meta.xml" }), "the opened store's group is the only new file");
        Assert.That(before.Keys.Except(after.Keys), Is.Empty, "nothing is removed");
        foreach (var (path, bytes) in before)
        {
            if (rulesFiles.Contains(path))
            {
                var inserted = Inserted(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(after[path]));
                Assert.That(inserted, Does.Contain($"<value>{opened}</value>"), path);
                Assert.That(Stores[..3].Where(s => inserted.Contains(s.Code, StringComparison.Ordinal)), Is.Empty, $"{path}: only the opened store's rule is added");
            }
            else
            {
                Assert.That(after[path], Is.EqualTo(bytes), $"{path} is byte for byte as before");
            }
        }

        GeneratedSharing.Generate(Folder, Stores);
        Assert.That(GeneratedSharing.Snapshot(Folder), Is.EqualTo(after), "a third run with nothing new changes nothing");
    }

    private static SharedStore Store(string shopId, string name) => new(ShopNormalizer.StoreCode(ExternalId.Parse(shopId)), name);

    // What was inserted: the old text survives whole as a prefix and a suffix of the new one.
    private static string Inserted(string before, string after)
    {
        var prefix = 0;
        while (prefix < before.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        Assert.That(after.EndsWith(before[prefix..], StringComparison.Ordinal), Is.True, "every existing byte is kept, in order");
        return after[prefix..(after.Length - (before.Length - prefix))];
    }

    private static async Task<string> RunAsync(string workingDirectory, string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The CLI checks for updates and sends telemetry unless told not to (scripts/validate-metadata.sh does the same).
        foreach (var name in new[] { "SF_DISABLE_TELEMETRY", "SF_AUTOUPDATE_DISABLE", "SF_DISABLE_AUTOUPDATE", "SF_SKIP_NEW_VERSION_CHECK", "SF_USE_GENERIC_UNIX_KEYCHAIN" })
        {
            start.Environment[name] = "true";
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CliTimeout);
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, $"{executable} {string.Join(' ', arguments)}:\n{await stdout}\n{await stderr}");
        return await stdout;
    }
}
