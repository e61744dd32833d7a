namespace Lightbridge.Metadata.Tests.Design;

/// <summary>
/// One field of the design's data model (shared/DESIGN.md "Salesforce data model"): its type, and
/// where the design says so, its target, external-ID role and closed list of values.
/// </summary>
internal sealed record DesignField(
    string Object,
    string Field,
    string Type,
    string? ReferenceTo = null,
    bool ExternalId = false,
    string[]? Values = null);
