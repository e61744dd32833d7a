namespace Lightbridge.Sync.Mapping;

/// <summary>A field the mapping may write (or key on) on one object.</summary>
/// <param name="Name">The field's API name.</param>
/// <param name="Type">What it holds.</param>
/// <param name="IsExternalId">Whether upserts key on it; it is set from the record's key, never mapped.</param>
internal sealed record KnownField(string Name, TargetFieldType Type, bool IsExternalId = false);
