namespace Lightbridge.Metadata.Tests.Model;

/// <summary>An object with the fields the package defines on it, plus the standard ones it always has.</summary>
internal sealed class ObjectModel(string name, MetadataFile? definition, bool isStandard)
{
    public string Name { get; } = name;

    /// <summary>The .object-meta.xml file; null for a standard object the package only adds fields to.</summary>
    public MetadataFile? Definition { get; } = definition;

    public bool IsStandard { get; } = isStandard;

    public Dictionary<string, FieldModel> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsPlatformEvent => Name.EndsWith("__e", StringComparison.Ordinal);

    public bool IsCustomMetadataType => Name.EndsWith("__mdt", StringComparison.Ordinal);
}
