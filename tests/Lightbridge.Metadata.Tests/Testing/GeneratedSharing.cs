using Lightbridge.Core.Sharing;

namespace Lightbridge.Metadata.Tests.Testing;

/// <summary>Runs Core's sharing generator over a folder on disk, as `lightbridge sharing generate --out` does.</summary>
internal static class GeneratedSharing
{
    public static SharingPlan Generate(string folder, params SharedStore[] stores)
    {
        var plan = SharingGenerator.Plan(stores, relative =>
        {
            var path = Path.Combine(folder, relative);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        });
        foreach (var file in plan.Writes)
        {
            var path = Path.Combine(folder, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
        }

        return plan;
    }

    /// <summary>Every file of the folder and its bytes, by relative path.</summary>
    public static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
