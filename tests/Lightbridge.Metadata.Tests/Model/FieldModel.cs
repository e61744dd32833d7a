namespace Lightbridge.Metadata.Tests.Model;

/// <summary>A field as the checks need it: from a field file, or from the standard-object table.</summary>
internal sealed record FieldModel(
    string ObjectName,
    string Name,
    string Type,
    bool Required,
    bool ExternalId,
    bool Unique,
    string? ReferenceTo,
    MetadataFile? File)
{
    public bool IsMasterDetail => Type == "MasterDetail";

    /// <summary>Computed by the platform: permission sets may grant read, never edit.</summary>
    public bool IsReadOnly => Type is "Summary" or "AutoNumber" || (File?.Value("formula") is not null);

    /// <summary>Deploys reject field permissions on these (shared/reference/salesforce-api.md §4.3).</summary>
    public bool CannotBeGranted => Required || IsMasterDetail;

    public string QualifiedName => $"{ObjectName}.{Name}";
}
