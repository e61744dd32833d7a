namespace Lightbridge.Cli.Tests;

/// <summary>The checkout the tests run from: the folder holding <c>sfdx-project.json</c>, found by walking up.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string ForceApp => System.IO.Path.Combine(Path, "force-app");

    private static string Find()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "sfdx-project.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("sfdx-project.json not found above the test directory.");
    }
}
