using Lightbridge.Emulators.Salesforce.Ids;

namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>Every object the org knows: the built-in standard objects merged with the SFDX package.</summary>
internal sealed class OrgSchema
{
    private readonly Dictionary<string, ObjectDefinition> _objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ObjectDefinition> _byPrefix = new(StringComparer.Ordinal);

    public IEnumerable<ObjectDefinition> Objects => _objects.Values;

    /// <summary>Custom metadata records from customMetadata/*.md-meta.xml, keyed by type name.</summary>
    public List<(string Type, Dictionary<string, object?> Values)> CustomMetadataRecords { get; } = [];

    public ObjectDefinition? Find(string name) => _objects.GetValueOrDefault(name);

    public ObjectDefinition? FindByPrefix(string prefix) => _byPrefix.GetValueOrDefault(prefix);

    /// <summary>Returns the existing definition or adds a new one with a stable key prefix.</summary>
    public ObjectDefinition GetOrAdd(string name, ObjectKind kind, string? keyPrefix = null)
    {
        if (_objects.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var prefix = keyPrefix ?? AllocatePrefix(name, kind);
        var definition = new ObjectDefinition(name, kind, prefix, name);
        _objects[name] = definition;
        _byPrefix[prefix] = definition;
        if (kind != ObjectKind.Standard)
        {
            SystemFields.AddTo(definition);
        }

        return definition;
    }

    private string AllocatePrefix(string name, ObjectKind kind)
    {
        // Real orgs hand custom objects a0X-style prefixes, platform events e0X and custom metadata m0X.
        var lead = kind switch { ObjectKind.PlatformEvent => 'e', ObjectKind.CustomMetadata => 'm', _ => 'a' };
        for (var attempt = 0; ; attempt++)
        {
            var prefix = SalesforceId.HashPrefix(lead, name, attempt);
            if (!_byPrefix.ContainsKey(prefix))
            {
                return prefix;
            }
        }
    }
}
