namespace Lightbridge.Sync.Rollups;

/// <summary>The rollup fields to write on one parent record.</summary>
/// <param name="ParentObject">The parent object.</param>
/// <param name="Id">The parent's Salesforce id.</param>
/// <param name="Fields">Each rollup field with its new value (0 or null when no child matches any more).</param>
internal sealed record ParentUpdate(string ParentObject, string Id, IReadOnlyDictionary<string, object?> Fields);
