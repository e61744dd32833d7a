using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Data;
using Lightbridge.Emulators.Lightspeed.Paging;
using Lightbridge.Emulators.Lightspeed.Query;
using Lightbridge.Emulators.Lightspeed.Wire;

namespace Lightbridge.Emulators.Lightspeed.Endpoints;

/// <summary>
/// One R-Series entity endpoint: its table, filterable and sortable fields, relations and writer. Serves the V3
/// list envelope (<c>@attributes.next/previous</c>, one row as an object, no key when empty) and the single-record
/// envelope (<c>@attributes.count = "1"</c>), per shared/reference/lightspeed-api.md sections 2, 4 and 9.
/// </summary>
internal sealed class EntityDefinition<T> : IEntityEndpoint
    where T : class
{
    private readonly Func<EmulatorStore, RecordTable<T>> _table;
    private readonly Func<T, long> _id;
    private readonly Dictionary<string, FieldDefinition<T>> _fields;
    private readonly Func<T, bool>? _archived;
    private readonly Action<Utf8JsonWriter, T, IReadOnlySet<string>, EmulatorStore> _write;

    public EntityDefinition(
        string name,
        Func<EmulatorStore, RecordTable<T>> table,
        Func<T, long> id,
        IEnumerable<FieldDefinition<T>> fields,
        string[] sortable,
        RelationDefinition[] relations,
        Func<T, bool>? archived,
        Action<Utf8JsonWriter, T, IReadOnlySet<string>, EmulatorStore> write)
    {
        Name = name;
        _table = table;
        _id = id;
        _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        IdField = sortable[0];
        SortableFields = sortable;
        Relations = relations;
        _archived = archived;
        _write = write;
    }

    public string Name { get; }

    public string IdField { get; }

    public IReadOnlyList<string> SortableFields { get; }

    public IReadOnlyList<RelationDefinition> Relations { get; }

    public bool HasArchived => _archived is not null;

    public FieldKind? KindOf(string field) => _fields.TryGetValue(field, out var f) ? f.Kind : null;

    public ApiResult List(EmulatorStore store, ListRequest request, Func<string, string> pageUrl)
    {
        if (request.PhpStyleRelations)
        {
            return new ApiResult(200, EmptyPage());
        }

        if (!TryBuildFilter(request, out var filter, out var error))
        {
            return new ApiResult(400, ErrorEnvelope.Create(400, error!, "Exception"));
        }

        var rows = _table(store).Rows;
        if (request.Count)
        {
            var count = 0;
            foreach (var row in rows)
            {
                if (filter!(row))
                {
                    count++;
                }
            }

            return new ApiResult(200, WireJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("@attributes");
                w.Id("count", count);
                w.WriteEndObject();
                w.WriteEndObject();
            }));
        }

        var sortField = request.Sort is null || request.Sort.Field == IdField ? null : _fields[request.Sort.Field];
        var ordered = sortField is null ? rows : _table(store).OrderedBy(sortField.Name, (a, b) =>
        {
            var c = FieldComparer.Compare(sortField.Get(a), sortField.Get(b));
            return c != 0 ? c : _id(a).CompareTo(_id(b));
        });
        var page = KeysetPager.Fetch(ordered, _id, sortField, request.Sort?.Descending ?? false, filter!, request.After, request.Before, request.Limit);
        if (page.Rows.Count == 0)
        {
            return new ApiResult(200, EmptyPage());
        }

        return new ApiResult(200, WireJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("@attributes");
            w.Str("next", page.Next is null ? string.Empty : pageUrl("after=" + Uri.EscapeDataString(CursorCodec.Encode(page.Next))));
            w.Str("previous", page.Previous is null ? string.Empty : pageUrl("before=" + Uri.EscapeDataString(CursorCodec.Encode(page.Previous))));
            w.WriteEndObject();
            w.WritePropertyName(Name);
            JsonWriterExtensions.OneOrManyValue(w, page.Rows, (w, r) => _write(w, r, request.Relations, store));
            w.WriteEndObject();
        }));
    }

    public ApiResult Single(EmulatorStore store, int id, ListRequest request)
    {
        var row = _table(store).Find(id);
        if (row is null)
        {
            return new ApiResult(404, ErrorEnvelope.Create(404, $"Object of type '{Name}' not found with ID {id}.", "Exception"));
        }

        return new ApiResult(200, WireJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("@attributes");
            w.Str("count", "1");
            w.WriteEndObject();
            w.WritePropertyName(Name);
            _write(w, row, request.Relations, store);
            w.WriteEndObject();
        }));
    }

    /// <summary>An empty page has no entity key at all (reference section 4, "Empty result").</summary>
    private static byte[] EmptyPage() => WireJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("@attributes");
        w.Str("next", string.Empty);
        w.Str("previous", string.Empty);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private bool TryBuildFilter(ListRequest request, out Func<T, bool>? filter, out string? error)
    {
        filter = null;
        var all = new List<Func<T, bool>>();
        var any = new List<Func<T, bool>>();
        foreach (var (conditions, target) in new[] { (request.Conditions, all), (request.OrConditions, any) })
        {
            foreach (var condition in conditions)
            {
                if (_fields.TryGetValue(condition.Field, out var field) && field.RequiresRelation is { } relation && !request.Relations.Contains(relation))
                {
                    error = $"Filtering on '{condition.Field}' needs load_relations=[\"{relation}\"].";
                    return false;
                }

                if (!RecordFilter.TryCompile(condition, _fields, Name, out var predicate, out error))
                {
                    return false;
                }

                target.Add(predicate!);
            }
        }

        error = null;
        var archived = _archived;
        var mode = request.Archived;
        filter = row =>
        {
            if (archived is not null)
            {
                var isArchived = archived(row);
                if ((mode == ArchivedMode.Exclude && isArchived) || (mode == ArchivedMode.Only && !isArchived))
                {
                    return false;
                }
            }

            foreach (var p in all)
            {
                if (!p(row))
                {
                    return false;
                }
            }

            if (any.Count == 0)
            {
                return true;
            }

            foreach (var p in any)
            {
                if (p(row))
                {
                    return true;
                }
            }

            return false;
        };
        return true;
    }
}
