using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Formulas;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Store;

namespace Lightbridge.Emulators.Salesforce.Validation;

/// <summary>
/// The checks a save runs against the rest of the org: relationship references by external ID, reference integrity,
/// validation rules and uniqueness. Each yields the org's error for the record.
/// </summary>
internal sealed class RecordChecks
{
    private readonly RecordStore _store;

    public RecordChecks(RecordStore store)
    {
        _store = store;
    }

    /// <summary>Resolves <c>"Rel__r": {"Ext__c": "v"}</c> to the parent's id (reference section 2.3).</summary>
    public (string? ParentId, ApiError? Error) ResolveReference(FieldDefinition relationship, JsonObject? reference)
    {
        if (reference is null)
        {
            return (null, null);
        }

        var parentDefinition = _store.Schema.Find(relationship.ReferenceTo ?? "");
        var keys = reference.Where(p => !string.Equals(p.Key, "attributes", StringComparison.OrdinalIgnoreCase)).ToList();
        if (parentDefinition is null || keys.Count != 1)
        {
            return (null, new ApiError("INVALID_FIELD", $"The relationship {relationship.RelationshipName} must name exactly one external ID field", []));
        }

        var (keyName, keyNode) = keys[0];
        var keyField = parentDefinition.FindField(keyName);
        if (keyField is null || (!keyField.ExternalId && keyField.Type != FieldType.Id))
        {
            return (null, new ApiError("INVALID_FIELD", $"Field name provided, {keyName} is not an External ID or indexed field for {parentDefinition.Name}", []));
        }

        var (keyValue, error) = ValueCoercer.Coerce(keyField, keyNode);
        var text = keyNode?.ToString() ?? "";
        if (error is not null || keyValue is null)
        {
            return (null, error ?? new ApiError("INVALID_FIELD", $"Foreign key external ID: {text} not found for field {keyField.Name} in entity {parentDefinition.Name}", []));
        }

        var matches = keyField.Type == FieldType.Id
            ? (_store.Get(parentDefinition.Name, (string)keyValue) is { } byId ? [byId] : [])
            : _store.FindBy(parentDefinition, keyField, keyValue);
        return matches.Count switch
        {
            1 => (matches[0].Id, null),
            0 => (null, new ApiError("INVALID_FIELD", $"Foreign key external ID: {text} not found for field {keyField.Name} in entity {parentDefinition.Name}", [])),
            _ => (null, new ApiError("DUPLICATE_EXTERNAL_ID", $"Foreign key external ID: {text} matches more than one record for field {keyField.Name} in entity {parentDefinition.Name}", [])),
        };
    }

    public IEnumerable<ApiError> CheckReferences(ObjectDefinition definition, Dictionary<string, object?> changes)
    {
        foreach (var (name, value) in changes)
        {
            var field = definition.FindField(name)!;
            if (!field.Type.IsReference() || value is not string id)
            {
                continue;
            }

            var target = _store.Schema.Find(field.ReferenceTo ?? "");
            if (target is null || !id.StartsWith(target.KeyPrefix, StringComparison.Ordinal))
            {
                yield return new ApiError("FIELD_INTEGRITY_EXCEPTION", $"{field.DisplayLabel}: id value of incorrect type: {id}", [field.Name]);
            }
            else if (_store.Get(target.Name, id) is null)
            {
                yield return new ApiError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", [field.Name]);
            }
        }
    }

    /// <summary>
    /// A createable, not updateable field may be repeated unchanged on update (an upsert by external id sends every field
    /// every time) but not changed.
    /// </summary>
    public static IEnumerable<ApiError> CheckCreateOnly(ObjectDefinition definition, SObjectRecord existing, Dictionary<string, object?> changes)
    {
        foreach (var (name, value) in changes)
        {
            var field = definition.FindField(name);
            if (field is { CreateOnly: true } && !Equals(existing.Get(field.Name), value))
            {
                yield return new ApiError(
                    "INVALID_FIELD_FOR_INSERT_UPDATE",
                    $"Unable to create/update fields: {field.Name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
                    [field.Name]);
            }
        }
    }

    public IEnumerable<ApiError> RunValidationRules(ObjectDefinition definition, Dictionary<string, object?> values)
    {
        foreach (var rule in definition.ValidationRules.Where(r => r.Active))
        {
            var fires = FormulaValues.Truthy(rule.Condition.Evaluate(field => FieldValue(definition, values, field)));
            if (fires)
            {
                yield return new ApiError("FIELD_CUSTOM_VALIDATION_EXCEPTION", rule.ErrorMessage, rule.ErrorDisplayField is null ? [] : [rule.ErrorDisplayField]);
            }
        }
    }

    /// <summary>A formula field reference: a field of the record, or one hop through a relationship (<c>Account.Name</c>).</summary>
    private object? FieldValue(ObjectDefinition definition, Dictionary<string, object?> values, string reference)
    {
        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return definition.FindField(reference) is null
                ? throw new FormulaException($"Field {reference} does not exist. Check spelling.")
                : values.GetValueOrDefault(reference);
        }

        var relationship = definition.FindRelationship(reference[..dot]);
        var parentId = relationship is null ? null : values.GetValueOrDefault(relationship.Name) as string;
        return parentId is null ? null : _store.Get(parentId)?.Get(reference[(dot + 1)..]);
    }

    public IEnumerable<ApiError> CheckUnique(ObjectDefinition definition, string? selfId, Dictionary<string, object?> values)
    {
        foreach (var field in definition.Fields.Where(f => f.Unique))
        {
            var value = values.GetValueOrDefault(field.Name);
            var clash = _store.FindBy(definition, field, value).FirstOrDefault(r => r.Id != selfId);
            if (clash is not null)
            {
                yield return new ApiError("DUPLICATE_VALUE", $"duplicate value found: {field.Name} duplicates value on record with id: {clash.Id}", [field.Name]);
            }
        }
    }
}
