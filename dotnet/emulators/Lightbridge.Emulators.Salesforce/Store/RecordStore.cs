using Lightbridge.Emulators.Salesforce.Formulas;
using Lightbridge.Emulators.Salesforce.Ids;
using Lightbridge.Emulators.Salesforce.Schema;

namespace Lightbridge.Emulators.Salesforce.Store;

/// <summary>
/// The org's data: records per object, with indexes on unique, external-ID and reference fields (upserts and roll-ups
/// look up by them on every row, so a scan would make large loads quadratic) and an undo journal for allOrNone.
/// Callers hold <see cref="Gate"/> around every use: one writer at a time, as row locks would serialize anyway.
/// </summary>
internal sealed class RecordStore
{
    private readonly Dictionary<string, Dictionary<string, SObjectRecord>> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly List<(string Object, string Id, SObjectRecord? Previous)> _journal = [];

    // Deleted records stay queryable through queryAll with IsDeleted = true, as in an org's Recycle Bin (reference
    // section 2.6 names queryAll; the platform's QueryAll resource returns deleted and merged records). Nothing else
    // sees them: they are neither indexed nor found by id.
    private readonly Dictionary<string, Dictionary<string, SObjectRecord>> _recycleBin = new(StringComparer.OrdinalIgnoreCase);

    public RecordStore(OrgSchema schema)
    {
        Schema = schema;
    }

    public OrgSchema Schema { get; }

    public Lock Gate { get; } = new();

    public string NewId(ObjectDefinition definition)
    {
        var next = _sequences.GetValueOrDefault(definition.KeyPrefix) + 1;
        _sequences[definition.KeyPrefix] = next;
        return SalesforceId.Create(definition.KeyPrefix, next);
    }

    public SObjectRecord? Get(string objectName, string id) =>
        _records.TryGetValue(objectName, out var table) ? table.GetValueOrDefault(id) : null;

    /// <summary>Finds a record by id alone, using the key prefix to pick the object.</summary>
    public SObjectRecord? Get(string id)
    {
        var definition = Schema.FindByPrefix(SalesforceId.PrefixOf(id));
        return definition is null ? null : Get(definition.Name, id);
    }

    public IEnumerable<SObjectRecord> All(string objectName) =>
        _records.TryGetValue(objectName, out var table) ? table.Values : [];

    /// <summary>Deleted records of an object (for queryAll), each with IsDeleted = true.</summary>
    public IEnumerable<SObjectRecord> Deleted(string objectName) =>
        _recycleBin.TryGetValue(objectName, out var table) ? table.Values : [];

    public int Count(string objectName) => _records.TryGetValue(objectName, out var table) ? table.Count : 0;

    /// <summary>Records whose indexed <paramref name="field"/> equals <paramref name="value"/> (unique, external-ID or reference fields).</summary>
    public IReadOnlyList<SObjectRecord> FindBy(ObjectDefinition definition, FieldDefinition field, object? value)
    {
        if (value is null)
        {
            return [];
        }

        if (_indexes.TryGetValue(IndexName(definition, field), out var index))
        {
            return index.TryGetValue(FormulaValues.Text(value), out var ids) ? ids.Select(id => Get(definition.Name, id)!).ToArray() : [];
        }

        var key = FormulaValues.Text(value);
        return All(definition.Name).Where(r => field.UniqueComparer.Equals(FormulaValues.Text(r.Get(field.Name)), key)).ToArray();
    }

    public void Put(SObjectRecord record)
    {
        if (!_records.TryGetValue(record.Definition.Name, out var table))
        {
            table = [];
            _records[record.Definition.Name] = table;
        }

        var previous = table.GetValueOrDefault(record.Id);
        _journal.Add((record.Definition.Name, record.Id, previous));
        if (previous is not null)
        {
            Unindex(previous);
        }

        table[record.Id] = record;
        Index(record);
    }

    public void Remove(SObjectRecord record)
    {
        if (_records.TryGetValue(record.Definition.Name, out var table) && table.Remove(record.Id))
        {
            _journal.Add((record.Definition.Name, record.Id, record));
            Unindex(record);
            if (!_recycleBin.TryGetValue(record.Definition.Name, out var bin))
            {
                bin = [];
                _recycleBin[record.Definition.Name] = bin;
            }

            // A copy: the journal keeps the live record to restore it on rollback.
            var values = record.CopyValues();
            values["IsDeleted"] = true;
            bin[record.Id] = new SObjectRecord(record.Definition, record.Id, values);
        }
    }

    /// <summary>A point to roll back to; the journal only grows while someone may roll back.</summary>
    public int Savepoint() => _journal.Count;

    public void Rollback(int savepoint)
    {
        for (var i = _journal.Count - 1; i >= savepoint; i--)
        {
            var (objectName, id, previous) = _journal[i];
            var table = _records[objectName];
            if (table.Remove(id, out var current))
            {
                Unindex(current);
            }

            if (previous is not null)
            {
                table[id] = previous;
                Index(previous);
                // Undoing a delete takes the record back out of the Recycle Bin (a no-op for undone updates).
                if (_recycleBin.TryGetValue(objectName, out var bin))
                {
                    bin.Remove(id);
                }
            }
        }

        _journal.RemoveRange(savepoint, _journal.Count - savepoint);
    }

    /// <summary>Forgets the journal once no caller can roll back (end of a request).</summary>
    public void Commit() => _journal.Clear();

    public void Clear()
    {
        _records.Clear();
        _recycleBin.Clear();
        _indexes.Clear();
        _sequences.Clear();
        _journal.Clear();
    }

    private static string IndexName(ObjectDefinition definition, FieldDefinition field) => definition.Name + "." + field.Name;

    private static bool Indexed(FieldDefinition field) => field.Unique || field.ExternalId || field.Type is FieldType.Lookup or FieldType.MasterDetail;

    private void Index(SObjectRecord record)
    {
        foreach (var field in record.Definition.Fields.Where(Indexed))
        {
            var value = record.Get(field.Name);
            if (value is null)
            {
                continue;
            }

            var name = IndexName(record.Definition, field);
            if (!_indexes.TryGetValue(name, out var index))
            {
                index = new Dictionary<string, HashSet<string>>(field.UniqueComparer);
                _indexes[name] = index;
            }

            var key = FormulaValues.Text(value);
            if (!index.TryGetValue(key, out var ids))
            {
                ids = new HashSet<string>(StringComparer.Ordinal);
                index[key] = ids;
            }

            ids.Add(record.Id);
        }
    }

    private void Unindex(SObjectRecord record)
    {
        foreach (var field in record.Definition.Fields.Where(Indexed))
        {
            var value = record.Get(field.Name);
            if (value is not null && _indexes.TryGetValue(IndexName(record.Definition, field), out var index)
                && index.TryGetValue(FormulaValues.Text(value), out var ids))
            {
                ids.Remove(record.Id);
            }
        }
    }
}
