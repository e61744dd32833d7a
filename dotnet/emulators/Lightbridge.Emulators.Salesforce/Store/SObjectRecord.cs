using Lightbridge.Emulators.Salesforce.Schema;

namespace Lightbridge.Emulators.Salesforce.Store;

/// <summary>
/// One stored record. Values are typed (string, decimal, bool, DateOnly, DateTimeOffset or null) and keyed by the
/// field's canonical API name; records are replaced, never mutated, so a journal can restore the old version.
/// </summary>
internal sealed class SObjectRecord
{
    public SObjectRecord(ObjectDefinition definition, string id, Dictionary<string, object?> values)
    {
        Definition = definition;
        Id = id;
        Values = values;
    }

    public ObjectDefinition Definition { get; }

    public string Id { get; }

    public Dictionary<string, object?> Values { get; }

    public object? Get(string field) => Values.GetValueOrDefault(field);

    public Dictionary<string, object?> CopyValues() => new(Values, StringComparer.OrdinalIgnoreCase);
}
