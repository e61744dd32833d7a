namespace Lightbridge.Metadata.Tests.Model;

/// <summary>
/// Every file of force-app/ parsed once, and the objects and fields they define, so that each rule
/// reads a model instead of walking the folder itself.
/// </summary>
internal sealed class PackageModel
{
    private PackageModel(string forceAppDir, IReadOnlyList<MetadataFile> files)
    {
        ForceAppDir = forceAppDir;
        Files = files;
        foreach (var file in files.Where(f => f.Kind == MetadataKinds.CustomObject && f.Placed is not null))
        {
            Objects[file.ComponentName!] = new ObjectModel(file.ComponentName!, file, false);
        }

        foreach (var standard in StandardSchema.StandardObjectNames)
        {
            Objects.TryAdd(standard, new ObjectModel(standard, null, true));
        }

        foreach (var obj in Objects.Values)
        {
            foreach (var field in StandardSchema.FieldsOf(obj.Name))
            {
                obj.Fields[field.Name] = field;
            }
        }

        foreach (var file in files.Where(f => f.Kind == MetadataKinds.CustomField && f.Placed is not null && f.Root is not null))
        {
            var objectName = file.OwnerName!;
            if (!Objects.TryGetValue(objectName, out var obj))
            {
                // Fields on an object the package neither defines nor knows as standard: keep them
                // visible so reference checks can still resolve them, and let a rule report the object.
                obj = new ObjectModel(objectName, null, false);
                Objects[objectName] = obj;
            }

            var field = new FieldModel(
                objectName,
                file.ComponentName!,
                file.Value("type") ?? string.Empty,
                file.Value("required") == "true",
                file.Value("externalId") == "true",
                file.Value("unique") == "true",
                file.Value("referenceTo"),
                file);
            obj.Fields[field.Name] = field;
        }
    }

    public string ForceAppDir { get; }

    public IReadOnlyList<MetadataFile> Files { get; }

    public Dictionary<string, ObjectModel> Objects { get; } = new(StringComparer.Ordinal);

    public static PackageModel Load(string forceAppDir) => Load(forceAppDir, []);

    /// <summary>
    /// Loads force-app/ together with other source folders deployed beside it (the generated sharing folder): their files
    /// join one model, so a rule in one folder may reference a field or a group in another, as in one deploy.
    /// </summary>
    public static PackageModel Load(string forceAppDir, params string[] extraSourceDirs)
    {
        var files = new[] { forceAppDir }.Concat(extraSourceDirs)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(path => MetadataFile.Load(dir, path)))
            .ToList();
        return new PackageModel(forceAppDir, files);
    }

    public IEnumerable<MetadataFile> OfKind(MetadataKind kind) =>
        Files.Where(f => f.Kind == kind && f.Placed is not null && f.Root is not null);

    public FieldModel? Field(string objectName, string fieldName) =>
        Objects.TryGetValue(objectName, out var obj) && obj.Fields.TryGetValue(fieldName, out var field) ? field : null;

    /// <summary>Resolves "Object.Field".</summary>
    public FieldModel? Field(string qualified)
    {
        var dot = qualified.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 ? null : Field(qualified[..dot], qualified[(dot + 1)..]);
    }

    public bool HasObject(string name) => Objects.ContainsKey(name);
}
