using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Testing;

/// <summary>
/// A throw-away copy of force-app/ in a temp folder, to break on purpose and feed to a rule.
/// Every edit must change the file, so a test cannot pass because its sabotage silently missed.
/// </summary>
internal sealed class PackageCopy : IDisposable
{
    private PackageCopy(string root) => Root = root;

    /// <summary>The copied force-app/ folder.</summary>
    public string Root { get; }

    public static PackageCopy Create()
    {
        var source = RepositoryRoot.ForceApp();
        var root = Path.Combine(Path.GetTempPath(), "lightbridge-metadata-" + Guid.NewGuid().ToString("N"), "force-app");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new PackageCopy(root);
    }

    /// <summary>Path under force-app/main/default/.</summary>
    public string PathOf(string relative) => Path.Combine(Root, "main", "default", relative);

    public PackageCopy Replace(string relative, string oldText, string newText)
    {
        var path = PathOf(relative);
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{oldText}' not found in {relative}: the sabotage would change nothing.");
        }

        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    public PackageCopy Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public PackageCopy Delete(string relative)
    {
        var path = PathOf(relative);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{relative} does not exist: the sabotage would change nothing.");
        }

        File.Delete(path);
        return this;
    }

    public PackageCopy Move(string from, string to)
    {
        var target = PathOf(to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(PathOf(from), target);
        return this;
    }

    /// <summary>
    /// Writes the store-level sharing folder for <paramref name="stores"/> into the copy, as `lightbridge sharing generate`
    /// does into its own folder, so the rules see the groups and sharing rules beside the package.
    /// </summary>
    public PackageCopy WithSharing(params Lightbridge.Core.Sharing.SharedStore[] stores)
    {
        GeneratedSharing.Generate(Root, stores);
        return this;
    }

    public PackageModel Load() => PackageModel.Load(Root);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
}
