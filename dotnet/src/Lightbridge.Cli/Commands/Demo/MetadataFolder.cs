namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// Finds the Salesforce package (<c>force-app/</c>) the emulated org's schema comes from: the folder given, or the one
/// beside the <c>sfdx-project.json</c> above the working directory or above the binary (a checkout run with
/// <c>dotnet run</c>, or a test's build output).
/// </summary>
internal static class MetadataFolder
{
    private const string PackageFolder = "force-app";
    private const string ProjectFile = "sfdx-project.json";

    /// <summary>The absolute folder; null with a problem naming <c>--metadata</c> when there is none.</summary>
    public static string? Find(string? given, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (given is not null)
        {
            if (Directory.Exists(given))
            {
                return Path.GetFullPath(given);
            }

            problems.Add($"--metadata: the folder '{given}' does not exist.");
            return null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var package = Path.Combine(directory.FullName, PackageFolder);
                if (File.Exists(Path.Combine(directory.FullName, ProjectFile)) && Directory.Exists(package))
                {
                    return package;
                }
            }
        }

        problems.Add($"--metadata: no {PackageFolder}/ folder beside a {ProjectFile} above '{Directory.GetCurrentDirectory()}'; run from the repository, or pass the package folder.");
        return null;
    }
}
