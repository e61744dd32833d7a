using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lightbridge.Emulators.Salesforce.Control;
using Lightbridge.Emulators.Salesforce.Formulas;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Validation;

namespace Lightbridge.Emulators.Salesforce.Store;

/// <summary>
/// Creates, updates, upserts and deletes records the way an org's save does: field coercion, relationship references by
/// external ID, defaults, required fields, reference integrity, validation rules, uniqueness, then the write, roll-ups
/// and (on delete) the master-detail cascade. Callers hold the store's gate. A little over 300 lines because the save
/// order is one sequence that reads best in one place; the individual checks live in <see cref="RecordChecks"/>.
/// </summary>
internal sealed partial class DmlEngine
{
    private readonly RecordStore _store;
    private readonly PlatformEventLog _events;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _time;
    private readonly RollupCalculator _rollups;
    private readonly RecordChecks _checks;
    private readonly ProductRules _products;
    private readonly Dictionary<string, long> _autoNumbers = new(StringComparer.OrdinalIgnoreCase);

    private readonly Control.CallCounters _counters;

    public DmlEngine(RecordStore store, PlatformEventLog events, FaultInjector faults, TimeProvider time, Control.CallCounters counters)
    {
        _counters = counters;
        _store = store;
        _events = events;
        _faults = faults;
        _time = time;
        _rollups = new RollupCalculator(store, time);
        _checks = new RecordChecks(store);
        _products = new ProductRules(store);
    }

    /// <summary>The integration user's id, the owner of new records.</summary>
    public string? UserId { get; set; }

    public void Reset() => _autoNumbers.Clear();

    public DmlResult Create(ObjectDefinition definition, JsonObject body) => Save(definition, null, body, checkFaults: true);

    public DmlResult Update(ObjectDefinition definition, string id, JsonObject body)
    {
        var existing = _store.Get(definition.Name, id);
        return existing is null
            ? DmlResult.Fail(new ApiError("ENTITY_IS_DELETED", "entity is deleted", []))
            : Save(definition, existing, body, checkFaults: true);
    }

    /// <summary>Upserts by <paramref name="keyField"/>; <paramref name="body"/> carries the key value (the caller put it there).</summary>
    public DmlResult Upsert(ObjectDefinition definition, FieldDefinition keyField, object keyValue, JsonObject body, bool updateOnly = false)
    {
        var matches = keyField.Type == FieldType.Id
            ? (_store.Get(definition.Name, (string)keyValue) is { } byId ? [byId] : [])
            : _store.FindBy(definition, keyField, keyValue);
        if (matches.Count > 1)
        {
            return DmlResult.Ambiguous(matches.Select(m => m.Id).ToArray());
        }

        if (matches.Count == 1)
        {
            var update = (JsonObject)body.DeepClone();
            update.Remove(keyField.Name);
            return Save(definition, matches[0], update, checkFaults: true);
        }

        if (updateOnly || keyField.Type == FieldType.Id)
        {
            return DmlResult.Fail(new ApiError("NOT_FOUND", "The requested resource does not exist", []));
        }

        return Save(definition, null, body, checkFaults: true);
    }

    public DmlResult Delete(ObjectDefinition definition, string id)
    {
        var record = _store.Get(definition.Name, id);
        if (record is null)
        {
            return DmlResult.Fail(new ApiError("ENTITY_IS_DELETED", "entity is deleted", []));
        }

        if (_faults.ShouldLockRow())
        {
            return DmlResult.Fail(LockError(id));
        }

        DeleteCascading(record);
        return DmlResult.Ok(id, false);
    }

    /// <summary>Writes typed values straight to the store (custom metadata records and the integration user at reset).</summary>
    public string Seed(ObjectDefinition definition, Dictionary<string, object?> values)
    {
        var id = _store.NewId(definition);
        var now = _time.GetUtcNow();
        var all = new Dictionary<string, object?>(values, StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = id, ["CreatedDate"] = now, ["LastModifiedDate"] = now, ["SystemModstamp"] = now, ["IsDeleted"] = false,
        };
        _store.Put(new SObjectRecord(definition, id, all));
        return id;
    }

    private DmlResult Save(ObjectDefinition definition, SObjectRecord? existing, JsonObject body, bool checkFaults)
    {
        if (definition.Kind == ObjectKind.CustomMetadata)
        {
            return DmlResult.Fail(new ApiError("INVALID_TYPE_FOR_OPERATION", $"DML operation {(existing is null ? "Insert" : "Update")} not allowed on {definition.Name}", []));
        }

        var (changes, errors) = ReadBody(definition, existing, body);
        if (existing is not null)
        {
            errors.AddRange(RecordChecks.CheckCreateOnly(definition, existing, changes));
        }

        if (errors.Count > 0)
        {
            return DmlResult.Fail(errors);
        }

        var values = existing?.CopyValues() ?? Defaults(definition);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        Derive(definition, values, existing is null);

        var missing = definition.Fields
            .Where(f => f.Required && !f.ReadOnly && FormulaValues.IsBlank(values.GetValueOrDefault(f.Name)))
            .Select(f => f.Name)
            .ToArray();
        if (missing.Length > 0)
        {
            return DmlResult.Fail(new ApiError("REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", missing)}]", missing));
        }

        errors.AddRange(_checks.CheckReferences(definition, changes));
        if (errors.Count == 0)
        {
            errors.AddRange(_products.Apply(definition, existing, values, changes));
        }

        if (errors.Count == 0)
        {
            errors.AddRange(_checks.RunValidationRules(definition, values));
        }

        if (errors.Count == 0)
        {
            errors.AddRange(_checks.CheckUnique(definition, existing?.Id, values));
        }

        if (errors.Count > 0)
        {
            return DmlResult.Fail(errors);
        }

        if (checkFaults && _faults.ShouldLockRow())
        {
            _counters.Increment("fault.lock");
            return DmlResult.Fail(LockError(existing?.Id));
        }

        var now = _time.GetUtcNow();
        var id = existing?.Id ?? _store.NewId(definition);
        values["Id"] = id;
        values["LastModifiedDate"] = now;
        values["SystemModstamp"] = now;
        if (existing is null)
        {
            values["CreatedDate"] = now;
            values["IsDeleted"] = false;
        }

        if (definition.Kind == ObjectKind.PlatformEvent)
        {
            var published = _events.Append(definition.Name, id, values, now);
            return DmlResult.Ok(id, true) with { EventUuid = published.EventUuid };
        }

        var record = new SObjectRecord(definition, id, values);
        _store.Put(record);
        _rollups.ChildChanged(definition, existing, record);
        _products.AfterWrite(definition, existing, record, now);
        // Record-level counts per object, whatever API wrote them: tests prove "writes nothing" per object with them.
        _counters.Increment((existing is null ? "dml.insert." : "dml.update.") + definition.Name);
        return DmlResult.Ok(id, existing is null);
    }

    private (Dictionary<string, object?> Changes, List<ApiError> Errors) ReadBody(ObjectDefinition definition, SObjectRecord? existing, JsonObject body)
    {
        var changes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<ApiError>();
        foreach (var (name, node) in body)
        {
            if (string.Equals(name, "attributes", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var field = definition.FindField(name);
            if (field is null)
            {
                var relationship = definition.FindRelationship(name);
                if (relationship is not null && (node is JsonObject || node is null))
                {
                    var (parentId, error) = _checks.ResolveReference(relationship, node as JsonObject);
                    if (error is not null)
                    {
                        errors.Add(error);
                    }
                    else
                    {
                        changes[relationship.Name] = parentId;
                    }

                    continue;
                }

                errors.Add(new ApiError("INVALID_FIELD", $"No such column '{name}' on sobject of type {definition.Name}", []));
                continue;
            }

            if (field.Type == FieldType.Id)
            {
                if (existing is null && node is not null)
                {
                    errors.Add(new ApiError("INVALID_FIELD", "cannot specify Id in an insert call", ["Id"]));
                }

                continue;
            }

            if (field.ReadOnly)
            {
                errors.Add(new ApiError(
                    "INVALID_FIELD_FOR_INSERT_UPDATE",
                    $"Unable to create/update fields: {field.Name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
                    [field.Name]));
                continue;
            }

            var (value, coerceError) = ValueCoercer.Coerce(field, node);
            if (coerceError is not null)
            {
                errors.Add(coerceError);
            }
            else
            {
                changes[field.Name] = value;
            }
        }

        return (changes, errors);
    }

    private Dictionary<string, object?> Defaults(ObjectDefinition definition)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in definition.Fields)
        {
            if (field.DefaultValue is not null)
            {
                values[field.Name] = field.DefaultValue;
            }
            else if (field.Type == FieldType.Checkbox)
            {
                values[field.Name] = false;
            }
            else if (field.Type == FieldType.Summary && field.Summary!.Operation is "count" or "sum")
            {
                values[field.Name] = 0m;
            }
        }

        if (definition.FindField("OwnerId") is not null && UserId is not null)
        {
            values["OwnerId"] = UserId;
        }

        return values;
    }

    /// <summary>Computed names: FirstName + LastName on person objects, the display format on auto-number names.</summary>
    private void Derive(ObjectDefinition definition, Dictionary<string, object?> values, bool creating)
    {
        var name = definition.FindField("Name");
        if (name is null || !name.ReadOnly)
        {
            return;
        }

        if (name.Type == FieldType.AutoNumber && creating)
        {
            var next = _autoNumbers.GetValueOrDefault(definition.Name) + 1;
            _autoNumbers[definition.Name] = next;
            var format = name.DisplayFormat ?? "{0}";
            values["Name"] = AutoNumberPattern().Replace(format, m => next.ToString(CultureInfo.InvariantCulture).PadLeft(m.Length - 2, '0'));
        }
        else if (definition.FindField("LastName") is not null)
        {
            var first = values.GetValueOrDefault("FirstName") as string;
            var last = values.GetValueOrDefault("LastName") as string;
            values["Name"] = string.Join(' ', new[] { first, last }.Where(s => !string.IsNullOrEmpty(s)));
        }
    }

    private void DeleteCascading(SObjectRecord record)
    {
        foreach (var child in _store.Schema.Objects)
        {
            foreach (var field in child.Fields.Where(f => f.Type.IsReference() && f.Type != FieldType.Id
                && string.Equals(f.ReferenceTo, record.Definition.Name, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                foreach (var dependent in _store.FindBy(child, field, record.Id).ToList())
                {
                    if (field.Type == FieldType.MasterDetail)
                    {
                        // Details go with their master (reference section 4.4).
                        DeleteCascading(dependent);
                    }
                    else
                    {
                        // Lookups default to deleteConstraint SetNull.
                        var values = dependent.CopyValues();
                        values[field.Name] = null;
                        var cleared = new SObjectRecord(child, dependent.Id, values);
                        _store.Put(cleared);
                        _rollups.ChildChanged(child, dependent, cleared);
                    }
                }
            }
        }

        if (_store.Get(record.Definition.Name, record.Id) is { } current)
        {
            _store.Remove(current);
            _rollups.ChildChanged(record.Definition, current, null);
            _products.AfterWrite(record.Definition, current, null, _time.GetUtcNow());
        }
    }

    private static ApiError LockError(string? id) =>
        new("UNABLE_TO_LOCK_ROW", id is null ? "unable to obtain exclusive access to this record" : $"unable to obtain exclusive access to this record or 1 records: {id}", []);

    [GeneratedRegex(@"\{0+\}")]
    private static partial Regex AutoNumberPattern();
}
