namespace Lightbridge.Sync.Mapping;

/// <summary>One target object of a profile in the mapping file.</summary>
/// <param name="ObjectName">The object's API name.</param>
/// <param name="Source">The canonical record it maps (a <see cref="SourceCatalogs"/> root: <c>sale</c>, <c>customer</c>, ...).</param>
/// <param name="ExternalIdField">The external-id field upserts key on.</param>
/// <param name="ExternalIdFrom">The source path of the record's external id.</param>
/// <param name="Fields">The fields, in file order.</param>
/// <param name="References">The lookups set by the parent's external id, in file order.</param>
/// <param name="Setting">Where it was stated, for error messages.</param>
internal sealed record ObjectSpec(
    string ObjectName,
    string Source,
    string ExternalIdField,
    string ExternalIdFrom,
    IReadOnlyList<FieldSpec> Fields,
    IReadOnlyList<ReferenceSpec> References,
    string Setting);
