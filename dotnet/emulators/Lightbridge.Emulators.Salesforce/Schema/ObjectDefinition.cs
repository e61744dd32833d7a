namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>One sObject type: its fields (case-insensitive, as the API treats names), rules and key prefix.</summary>
internal sealed class ObjectDefinition
{
    private readonly Dictionary<string, FieldDefinition> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ValidationRuleDefinition> _rules = [];

    public ObjectDefinition(string name, ObjectKind kind, string keyPrefix, string label)
    {
        Name = name;
        Kind = kind;
        KeyPrefix = keyPrefix;
        Label = label;
    }

    public string Name { get; }

    public ObjectKind Kind { get; }

    public string KeyPrefix { get; }

    public string Label { get; set; }

    public IEnumerable<FieldDefinition> Fields => _fields.Values;

    public IReadOnlyList<ValidationRuleDefinition> ValidationRules => _rules;

    public bool IsQueryable => Kind != ObjectKind.PlatformEvent;

    public void AddField(FieldDefinition field) => _fields[field.Name] = field;

    public void AddValidationRule(ValidationRuleDefinition rule) => _rules.Add(rule);

    public FieldDefinition? FindField(string name) => _fields.GetValueOrDefault(name);

    /// <summary>The lookup or master-detail field whose relationship name is <paramref name="relationshipName"/>.</summary>
    public FieldDefinition? FindRelationship(string relationshipName) =>
        _fields.Values.FirstOrDefault(f => f.Type.IsReference() && f.RelationshipName is not null
            && string.Equals(f.RelationshipName, relationshipName, StringComparison.OrdinalIgnoreCase));
}
