using System.Diagnostics;
using Lightbridge.Core.Sharing;
using Lightbridge.Metadata.Tests.Model;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests;

/// <summary>
/// <c>scripts/deploy-metadata.sh ORG --with DIR</c> checks and converts the sharing folder with the package before it asks
/// the org anything. No org is reachable here, so a good folder ends at the CLI's "no authorization" for the alias, after
/// every local check passed, and a bad one stops before.
/// </summary>
[NonParallelizable]
public sealed class DeployScriptTests
{
    private const string Alias = "lightbridge-tests-no-such-org";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);
    private string _directory = null!;

    private string Folder => Path.Combine(_directory, "sharing-app");

    [SetUp]
    public void CreateFolder()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-deploy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Deploy_WithGeneratedFolder_PassesTheLocalChecksAndReachesTheOrgStep()
    {
        GeneratedSharing.Generate(Folder, new SharedStore("S120645_1", "Downtown"), new SharedStore("S120645_2", "Airport"));

        var (exitCode, output) = await RunAsync(Alias, "--with", Folder, "--dry-run");

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.Contain($"No authorization information found for {Alias}").And.Not.Contain("deploy-metadata.sh:"), output);
    }

    [Test]
    public async Task Deploy_WithMalformedGroupFile_StopsBeforeTheOrg()
    {
        GeneratedSharing.Generate(Folder, new SharedStore("S120645_1", "Downtown"));
        var group = Path.Combine(Folder, "main", "default", "groups", "Lightspeed_Store_S120645_1.group-meta.xml");
        await File.WriteAllTextAsync(group, (await File.ReadAllTextAsync(group)).Replace("</name>", "</nam>", StringComparison.Ordinal));

        var (exitCode, output) = await RunAsync(Alias, "--with", Folder);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("holds malformed XML").And.Not.Contain("No authorization information"), output);
    }

    [Test]
    public async Task Deploy_WithFolderThatIsNotASourceFolder_ExitsTwoNamingIt()
    {
        var (exitCode, output) = await RunAsync(Alias, "--with", _directory);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain($"--with {_directory}: not an SFDX source folder"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var root = RepositoryRoot.Find();
        var start = new ProcessStartInfo(Path.Combine(root, "scripts", "deploy-metadata.sh"))
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
