using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Normalization;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Tests.Commands.Sharing;

/// <summary>
/// <c>lightbridge sharing generate</c> as an admin runs it after a real sync of a seeded Lightspeed account: a real process,
/// a settings file, both emulators on loopback, the output folder on disk.
/// </summary>
[TestFixture]
public sealed class SharingGenerateCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";
    private string _directory = null!;

    private string Out => Path.Combine(_directory, "sharing");

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-sharing-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Generate_AfterASync_GroupAndRulesPerSyncedStoreThenOnlyANewStoresFiles()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Seed = 6, Shops = 3, Customers = 0, Items = 6, Sales = 30, Bucket = BucketMode.Off });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(lightspeed, org);
        using (var sync = LightbridgeProcess.StartIn(_directory, null, "sync", "--config", config))
        {
            Assert.That(await sync.WaitForExitAsync(Timeout), Is.Zero, sync.StandardError + sync.StandardOutput);
        }

        // The sync stamped every sale and stock row with its store's code, the code derived from the shop's ids.
        var stores = Records(org, "SELECT Name, Lightspeed_Shop_Id__c, Store_Code__c FROM Lightspeed_Store__c");
        var codeOfShop = stores.ToDictionary(s => (string)s["Lightspeed_Shop_Id__c"]!, s => (string)s["Store_Code__c"]!);
        Assert.That(codeOfShop, Has.Count.EqualTo(3));
        Assert.That(codeOfShop.Select(s => s.Value), Is.EqualTo(codeOfShop.Select(s => ShopNormalizer.StoreCode(ExternalId.Parse(s.Key)))));
        Assert.That(codeOfShop.Values, Has.All.StartWith($"S{lightspeed.AccountId}_"));
        foreach (var sObject in new[] { "Lightspeed_Sale__c", "Lightspeed_Inventory__c" })
        {
            var rows = Records(org, $"SELECT Store_Code__c, Store__r.Lightspeed_Shop_Id__c FROM {sObject}");
            Assert.That(rows, Is.Not.Empty);
            Assert.That(rows.Select(r => (string?)r["Store_Code__c"]), Is.EqualTo(rows.Select(r => codeOfShop[(string)r["Store__r"]!["Lightspeed_Shop_Id__c"]!])), $"{sObject}.Store_Code__c is its store's code");
        }

        var first = await GenerateAsync(config, "--out", Out);
        Assert.That(first.StandardOutput, Does.Contain("3 stores: 3 new"));
        var groups = Directory.GetFiles(Path.Combine(Out, "main", "default", "groups")).Select(Path.GetFileName);
        Assert.That(groups, Is.EquivalentTo(codeOfShop.Values.Select(c => $"Lightspeed_Store_{c}.group-meta.xml").Append("Lightspeed_Head_Office.group-meta.xml")));
        foreach (var rules in RulesFiles)
        {
            var document = XDocument.Load(Path.Combine(Out, rules));
            var matched = document.Descendants(Ns + "criteriaItems").Select(i => (i.Element(Ns + "field")!.Value, i.Element(Ns + "value")!.Value));
            Assert.That(matched, Is.EquivalentTo(codeOfShop.Values.Select(c => ("Store_Code__c", c))), rules);
        }

        var generated = Snapshot(Out);
        var again = await GenerateAsync(config, "--out", Out);
        Assert.That(again.StandardOutput, Does.Contain("3 stores: 0 new, 3 already in"));
        Assert.That(Snapshot(Out), Is.EqualTo(generated), "nothing new, nothing written");

        // A store opens: its first sync writes its store record.
        var opened = ShopNormalizer.StoreCode(new ExternalId(new Core.Model.LightspeedId(lightspeed.AccountId), new Core.Model.LightspeedId("99")));
        org.Control.LoadRecords("Lightspeed_Store__c", [new JsonObject { ["Name"] = "Harbour", ["Lightspeed_Shop_Id__c"] = $"{lightspeed.AccountId}-99", ["Store_Code__c"] = opened }]);

        var third = await GenerateAsync(config, "--out", Out);
        Assert.That(third.StandardOutput, Does.Contain($"4 stores: 1 new ({opened})"));
        var after = Snapshot(Out);
        Assert.That(after.Keys.Except(generated.Keys), Is.EqualTo(new[] { $"main/default/groups/Lightspeed_Store_{opened}.group-meta.xml" }));
        foreach (var (path, bytes) in generated)
        {
            if (RulesFiles.Contains(path))
            {
                var (before, now) = (System.Text.Encoding.UTF8.GetString(bytes), System.Text.Encoding.UTF8.GetString(after[path]));
                Assert.That(now, Has.Length.GreaterThan(before.Length).And.Contain($"<value>{opened}</value>"));
                Assert.That(now.Replace(Between(now, before), string.Empty, StringComparison.Ordinal), Is.EqualTo(before), $"{path}: the old text is kept whole, the new rule inserted");
            }
            else
            {
                Assert.That(after[path], Is.EqualTo(bytes), $"{path} untouched");
            }
        }

        // Read from Lightspeed instead, the same shops give the same codes.
        var fromLightspeed = await GenerateAsync(config, "--out", Path.Combine(_directory, "from-lightspeed"), "--from", "lightspeed");
        Assert.That(fromLightspeed.StandardOutput, Does.Contain("3 stores: 3 new"));
        Assert.That(Snapshot(Path.Combine(_directory, "from-lightspeed")).Keys.Where(k => k.Contains("/groups/Lightspeed_Store_", StringComparison.Ordinal)),
            Is.EquivalentTo(codeOfShop.Values.Select(c => $"main/default/groups/Lightspeed_Store_{c}.group-meta.xml")));
    }

    [Test]
    public async Task Generate_StoreWithAnOldCodeAndAStoreMadeByHand_RulesUseTheDerivedCodeAndBothAreReported()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Shops = 1, Customers = 0, Items = 1, Sales = 1 });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        org.Control.LoadRecords("Lightspeed_Store__c",
        [
            new JsonObject { ["Name"] = "Downtown", ["Lightspeed_Shop_Id__c"] = "120645-1", ["Store_Code__c"] = "DOWNTOWN-120645-1" },
            new JsonObject { ["Name"] = "Warehouse", ["Store_Code__c"] = "WH" },
        ]);

        var run = await GenerateAsync(WriteConfig(lightspeed, org), "--out", Out);

        Assert.That(run.StandardOutput, Does.Contain("1 stores: 1 new (S120645_1)"));
        Assert.That(File.Exists(Path.Combine(Out, "main", "default", "groups", "Lightspeed_Store_S120645_1.group-meta.xml")), Is.True, "the code the sync stamps on the store's sales");
        Assert.That(run.StandardError, Does.Contain("'DOWNTOWN-120645-1', a code from an older release").And.Contain("Store 'Warehouse' has no Lightspeed shop id"));
    }

    [Test]
    public async Task Generate_BadArguments_ExitTwoNamingTheOption()
    {
        using (var noOut = LightbridgeProcess.StartIn(_directory, null, "sharing", "generate"))
        {
            Assert.That(await noOut.WaitForExitAsync(Timeout), Is.EqualTo(2));
            Assert.That(noOut.StandardError, Does.Contain("--out"));
        }

        using (var badSource = LightbridgeProcess.StartIn(_directory, null, "sharing", "generate", "--out", Out, "--from", "spreadsheet"))
        {
            Assert.That(await badSource.WaitForExitAsync(Timeout), Is.EqualTo(2));
            Assert.That(badSource.StandardError, Does.Contain("--from").And.Contain("spreadsheet"));
        }

        var file = Path.Combine(_directory, "a-file");
        await File.WriteAllTextAsync(file, "x");
        using var outIsAFile = LightbridgeProcess.StartIn(_directory, null, "sharing", "generate", "--out", file);
        Assert.That(await outIsAFile.WaitForExitAsync(Timeout), Is.EqualTo(2));
        Assert.That(outIsAFile.StandardError, Does.Contain("--out").And.Contain("is a file"));
        Assert.That(Directory.Exists(Out), Is.False);
    }

    [Test]
    public async Task Generate_SalesforceUnreachable_ExitsThreeAndWritesNothing()
    {
        // An org that is started and stopped again leaves a port nobody listens on.
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Shops = 1, Customers = 0, Items = 1, Sales = 1 });
        var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = RepositoryRoot.ForceApp });
        var config = WriteConfig(lightspeed, org);
        await org.DisposeAsync();

        using var process = LightbridgeProcess.StartIn(_directory, null, "sharing", "generate", "--out", Out, "--config", config);

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(3), process.StandardError);
        Assert.That(process.StandardError, Does.Contain("could not read the stores"));
        Assert.That(Directory.Exists(Out), Is.False);
    }

    private static string[] RulesFiles { get; } =
    [
        "main/default/sharingRules/Lightspeed_Sale__c.sharingRules-meta.xml",
        "main/default/sharingRules/Lightspeed_Inventory__c.sharingRules-meta.xml",
    ];

    private async Task<LightbridgeProcess> GenerateAsync(string config, params string[] arguments)
    {
        var process = LightbridgeProcess.StartIn(_directory, null, ["sharing", "generate", "--config", config, .. arguments]);
        Assert.That(await process.WaitForExitAsync(Timeout), Is.Zero, process.StandardError + process.StandardOutput);
        return process;
    }

    // The inserted text: what lies between the longest common prefix and suffix of the two texts.
    private static string Between(string now, string before)
    {
        var prefix = 0;
        while (prefix < before.Length && before[prefix] == now[prefix])
        {
            prefix++;
        }

        return now[prefix..(now.Length - (before.Length - prefix))];
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static List<JsonNode> Records(SalesforceEmulator org, string soql) =>
        org.Control.Query(soql)["records"]!.AsArray().Select(r => r!).ToList();

    private string WriteConfig(LightspeedEmulator lightspeed, SalesforceEmulator org)
    {
        var path = Path.Combine(_directory, "settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Lightspeed = new
            {
                BaseUrl = lightspeed.BaseUrl.ToString(),
                TokenUrl = lightspeed.TokenUrl.ToString(),
                lightspeed.AccountId,
                lightspeed.ClientId,
                lightspeed.ClientSecret,
                RefreshToken = lightspeed.InitialRefreshToken,
            },
            Salesforce = new { LoginUrl = org.LoginUrl.ToString(), Auth = "ClientCredentials", org.ClientId, org.ClientSecret, MaxTransientRetries = 0 },
            State = new { Path = Path.Combine(_directory, "state.db") },
        }));
        return path;
    }
}
