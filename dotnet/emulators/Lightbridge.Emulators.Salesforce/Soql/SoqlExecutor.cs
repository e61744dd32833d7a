using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Formulas;
using Lightbridge.Emulators.Salesforce.Rest;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Store;

namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>
/// Runs a parsed query against the store: filter, order, offset/limit, then project to the REST record shape
/// (parent fields nest under the relationship name, a missing parent is JSON null) or to AggregateResult rows.
/// Callers hold the store's gate.
/// </summary>
internal sealed class SoqlExecutor
{
    private const int MaxOffset = 2000;

    private readonly RecordStore _store;
    private readonly TimeProvider _time;

    public SoqlExecutor(RecordStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Runs <paramref name="soql"/>; <paramref name="includeDeleted"/> (queryAll) adds the Recycle Bin's records.</summary>
    public SoqlResult Execute(string soql, string apiVersion, bool includeDeleted = false)
    {
        var query = SoqlParser.Parse(soql);
        var schema = _store.Schema;
        var root = SoqlBinder.BindObject(schema, query);
        if (query.Offset > MaxOffset)
        {
            throw new SoqlException("NUMBER_OUTSIDE_VALID_RANGE", $"Maximum SOQL offset allowed is {MaxOffset}");
        }

        var select = query.Select.Select(s => (Item: s, Path: s.Field is null ? null : SoqlBinder.Bind(schema, root, s.Field, soql))).ToList();
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var filter = new SoqlFilter(schema, root, soql, _store.Get, today);
        var predicate = query.Where is null ? (_ => true) : filter.Compile(query.Where);
        var source = includeDeleted ? _store.All(root.Name).Concat(_store.Deleted(root.Name)) : _store.All(root.Name);
        var rows = source.Where(predicate).ToList();

        if (query.IsCountOnly)
        {
            var count = rows.Count - (query.Offset ?? 0);
            return new SoqlResult(Math.Max(0, Math.Min(count, query.Limit ?? int.MaxValue)), []);
        }

        if (query.IsAggregate)
        {
            return Aggregate(query, root, select, rows);
        }

        var order = query.OrderBy.Select(o => (Path: SoqlBinder.Bind(schema, root, o.Key.Field ?? throw Malformed(query, o.Key.Position, "aggregate functions need GROUP BY"), soql), o)).ToList();
        IEnumerable<SObjectRecord> ordered = rows;
        if (order.Count > 0)
        {
            ordered = rows.Order(Comparer<SObjectRecord>.Create((a, b) =>
            {
                foreach (var (path, item) in order)
                {
                    var result = CompareValues(SoqlFilter.Read(a, path, _store.Get), SoqlFilter.Read(b, path, _store.Get), item.NullsLast);
                    if (result != 0)
                    {
                        return item.Descending && SoqlFilter.Read(a, path, _store.Get) is not null && SoqlFilter.Read(b, path, _store.Get) is not null ? -result : result;
                    }
                }

                return 0;
            }));
        }

        var page = ordered.Skip(query.Offset ?? 0).Take(query.Limit ?? int.MaxValue).ToList();
        var records = page.Select(r => Project(r, root, select.Select(s => s.Path!).ToList(), apiVersion)).ToList();
        return new SoqlResult(records.Count, records);
    }

    private JsonObject Project(SObjectRecord record, ObjectDefinition root, List<SoqlBoundPath> paths, string version)
    {
        var json = new JsonObject { ["attributes"] = RecordJson.Attributes(root.Name, RecordJson.Url(version, root.Name, record.Id)) };
        foreach (var path in paths)
        {
            var target = json;
            var current = record;
            var missing = false;
            for (var i = 0; i < path.Hops.Count && !missing; i++)
            {
                var hop = path.Hops[i];
                var key = hop.RelationshipName!;
                var parent = current.Get(hop.Name) is string parentId ? _store.Get(parentId) : null;
                if (parent is null)
                {
                    // A missing parent is JSON null, not an object of nulls (reference section 2.2).
                    if (!target.ContainsKey(key))
                    {
                        target[key] = null;
                    }

                    missing = true;
                    break;
                }

                if (target[key] is not JsonObject nested)
                {
                    nested = new JsonObject { ["attributes"] = RecordJson.Attributes(parent.Definition.Name, RecordJson.Url(version, parent.Definition.Name, parent.Id)) };
                    target[key] = nested;
                }

                target = nested;
                current = parent;
            }

            if (!missing)
            {
                target[path.Field.Name] = RecordJson.Value(path.Field.Type, current.Get(path.Field.Name));
            }
        }

        return json;
    }

    private SoqlResult Aggregate(SoqlQuery query, ObjectDefinition root, List<(SoqlSelectItem Item, SoqlBoundPath? Path)> select, List<SObjectRecord> rows)
    {
        var schema = _store.Schema;
        var groupPaths = query.GroupBy.Select(g => SoqlBinder.Bind(schema, root, g, query.Text)).ToList();
        foreach (var (item, path) in select.Where(s => !s.Item.IsAggregate))
        {
            if (!groupPaths.Any(g => g.Field == path!.Field && g.Hops.SequenceEqual(path.Hops)))
            {
                throw Malformed(query, item.Position, $"Field must be grouped or aggregated: {path!.Field.Name}");
            }
        }

        // Aggregates without an alias are named expr0, expr1... in select-list order.
        var names = new List<string>();
        var exprIndex = 0;
        foreach (var (item, path) in select)
        {
            names.Add(item.IsAggregate ? item.Alias ?? $"expr{exprIndex++}" : path!.Field.Name);
        }

        var groups = groupPaths.Count == 0
            ? [rows]
            : rows.GroupBy(r => string.Join("\u0001", groupPaths.Select(g => FormulaValues.Text(SoqlFilter.Read(r, g, _store.Get)).ToUpperInvariant())))
                .Select(g => g.ToList())
                .ToList();
        var results = new List<(JsonObject Json, List<object?> Values)>();
        foreach (var group in groups)
        {
            var json = new JsonObject { ["attributes"] = RecordJson.Attributes("AggregateResult", null) };
            var values = new List<object?>();
            for (var i = 0; i < select.Count; i++)
            {
                var (item, path) = select[i];
                var (value, type) = item.IsAggregate ? Compute(item.Function!, path, group) : (group.Count == 0 ? null : SoqlFilter.Read(group[0], path!, _store.Get), path!.Field.Type);
                values.Add(value);
                json[names[i]] = value is decimal d && item.Function is "COUNT" or "COUNT_DISTINCT" ? JsonValue.Create((long)d) : RecordJson.Value(type, value);
            }

            results.Add((json, values));
        }

        IEnumerable<(JsonObject Json, List<object?> Values)> ordered = results;
        if (query.OrderBy.Count > 0)
        {
            var keys = query.OrderBy.Select(o => (Index: FindColumn(query, select, o.Key), o)).ToList();
            ordered = results.Order(Comparer<(JsonObject Json, List<object?> Values)>.Create((a, b) =>
            {
                foreach (var (index, item) in keys)
                {
                    var result = CompareValues(a.Values[index], b.Values[index], item.NullsLast);
                    if (result != 0)
                    {
                        return item.Descending && a.Values[index] is not null && b.Values[index] is not null ? -result : result;
                    }
                }

                return 0;
            }));
        }

        var page = ordered.Skip(query.Offset ?? 0).Take(query.Limit ?? int.MaxValue).Select(r => r.Json).ToList();
        return new SoqlResult(page.Count, page);
    }

    private static int FindColumn(SoqlQuery query, List<(SoqlSelectItem Item, SoqlBoundPath? Path)> select, SoqlSelectItem key)
    {
        for (var i = 0; i < select.Count; i++)
        {
            var item = select[i].Item;
            if (string.Equals(item.Function, key.Function, StringComparison.OrdinalIgnoreCase)
                && string.Equals(item.Field?.Text, key.Field?.Text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }

            if (key.Function is null && key.Field is not null && key.Field.Segments.Count == 1
                && string.Equals(item.Alias, key.Field.Text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw Malformed(query, key.Position, "Ordered field must be grouped or aggregated: " + (key.Field?.Text ?? key.Function));
    }

    private (object? Value, Schema.FieldType Type) Compute(string function, SoqlBoundPath? path, List<SObjectRecord> group)
    {
        if (path is null)
        {
            return ((decimal)group.Count, Schema.FieldType.Number);
        }

        var values = group.Select(r => SoqlFilter.Read(r, path, _store.Get)).Where(v => v is not null).ToList();
        return function switch
        {
            "COUNT" => ((decimal)values.Count, Schema.FieldType.Number),
            "COUNT_DISTINCT" => ((decimal)values.Select(FormulaValues.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count(), Schema.FieldType.Number),
            "SUM" => (values.Count == 0 ? null : values.OfType<decimal>().Sum(), Schema.FieldType.Number),
            "AVG" => (values.Count == 0 ? null : values.OfType<decimal>().Average(), Schema.FieldType.Number),
            "MIN" => (values.Count == 0 ? null : values.Min(Comparer<object?>.Create((a, b) => CompareValues(a, b, false))), path.Field.Type),
            _ => (values.Count == 0 ? null : values.Max(Comparer<object?>.Create((a, b) => CompareValues(a, b, false))), path.Field.Type),
        };
    }

    /// <summary>Orders two values; nulls go first unless <paramref name="nullsLast"/>. Text ignores case.</summary>
    private static int CompareValues(object? a, object? b, bool nullsLast)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? 0 : (a is null ? -1 : 1) * (nullsLast ? -1 : 1);
        }

        return (a, b) switch
        {
            (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
            (decimal x, decimal y) => x.CompareTo(y),
            (bool x, bool y) => x.CompareTo(y),
            (DateOnly x, DateOnly y) => x.CompareTo(y),
            (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
            (int x, int y) => x.CompareTo(y),
            _ => string.Compare(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.Ordinal),
        };
    }

    private static SoqlException Malformed(SoqlQuery query, int position, string detail) => SoqlException.At("MALFORMED_QUERY", query.Text, position, detail);
}
