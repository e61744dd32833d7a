namespace Lightbridge.Metadata.Tests.Model;

/// <summary>Finds the checkout: the nearest folder above the test binaries that holds sfdx-project.json.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "sfdx-project.json")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException(
            $"No folder above {TestContext.CurrentContext.TestDirectory} holds sfdx-project.json.");
    }

    /// <summary>The package directory named in sfdx-project.json (packageDirectories[0].path = force-app).</summary>
    public static string ForceApp() => Path.Combine(Find(), "force-app");
}
