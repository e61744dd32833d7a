using System.Text.Json;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Planning;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Rollups;

/// <summary>
/// Recomputes the rollups that <c>Lightspeed_Rollup__mdt</c> defines (DESIGN "Data flow" step 7) for the parents a
/// batch touched: one aggregate query per rollup over those parents (GROUP BY the relationship field, IN the parent ids,
/// WHERE the rollup's filter), five of them to a Composite call, then one load per parent object that writes every
/// rollup field of every touched parent.
/// A parent with no matching child left gets 0 (SUM, COUNT) or empty (MAX, MIN), so a void or a moved sale is taken out.
/// </summary>
/// <remarks>
/// The definitions are read from the org once, on first use. A rollup update that Salesforce refuses is logged and
/// left: the value is derived, and the next batch touching the parent recomputes it from the children.
/// </remarks>
internal sealed class RollupCalculator
{
    private readonly SalesforceClient _salesforce;
    private readonly StateStore _state;
    private readonly ParentUpdateWriter _writer;
    private readonly ILogger _logger;
    private IReadOnlyList<RollupDefinition>? _definitions;

    public RollupCalculator(SalesforceClient salesforce, StateStore state, LoadPathPlanner planner, ILogger logger)
    {
        _salesforce = salesforce;
        _state = state;
        _writer = new ParentUpdateWriter(salesforce, planner, logger);
        _logger = logger;
    }

    /// <summary>The rollups of the org, read once; records that cannot be used are logged and skipped.</summary>
    public async Task<IReadOnlyList<RollupDefinition>> DefinitionsAsync(CancellationToken ct)
    {
        if (_definitions is not null)
        {
            return _definitions;
        }

        var definitions = new List<RollupDefinition>();
        await foreach (var row in _salesforce.QueryAsync(RollupQuery.Definitions, ct).ConfigureAwait(false))
        {
            var definition = RollupDefinition.TryCreate(
                Text(row, "DeveloperName"), Text(row, "Parent_Object__c"), Text(row, "Parent_Field__c"), Text(row, "Child_Object__c"),
                Text(row, "Relationship_Field__c"), Text(row, "Operation__c"), Text(row, "Child_Field__c"), Text(row, "Filter__c"), out var problem);
            if (definition is null)
            {
                RollupLog.DefinitionSkipped(_logger, problem!);
                continue;
            }

            definitions.Add(definition);
        }

        RollupLog.DefinitionsLoaded(_logger, definitions.Count);
        _definitions = definitions;
        return definitions;
    }

    /// <summary>
    /// Reads, for the records about to be written that Salesforce already holds, the parents their rollup relationships
    /// point at now: after the load, a parent they left is recomputed too. Records never written before cost nothing
    /// (the synced-record map knows no id for them); the others cost one query per child object and 200 records.
    /// </summary>
    public async Task<FormerParents> ReadCurrentParentsAsync(IReadOnlyList<SalesforceRecord> about, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(about);
        var former = new FormerParents();
        var definitions = await DefinitionsAsync(ct).ConfigureAwait(false);
        foreach (var group in about.GroupBy(r => r.ObjectName, StringComparer.Ordinal))
        {
            var fields = definitions.Where(d => d.ChildObject == group.Key).Select(d => d.RelationshipField).Distinct(StringComparer.Ordinal).ToList();
            if (fields.Count == 0)
            {
                continue;
            }

            var ids = group.Select(r => _state.SyncedRecords.Get(group.Key, r.ExternalId.Value)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            foreach (var chunk in ids.Chunk(RollupQuery.MaxParentsPerQuery))
            {
                var soql = $"SELECT Id, {string.Join(", ", fields)} FROM {group.Key} WHERE Id IN {Soql.InList(chunk)}";
                await foreach (var row in _salesforce.QueryAsync(soql, ct).ConfigureAwait(false))
                {
                    AddParents(former, group.Key, fields, row);
                }
            }
        }

        return former;
    }

    /// <summary>The rollup relationship fields of <paramref name="childObject"/>, to select alongside records about to go.</summary>
    public async Task<IReadOnlyList<string>> RelationshipFieldsAsync(string childObject, CancellationToken ct) =>
        (await DefinitionsAsync(ct).ConfigureAwait(false)).Where(d => d.ChildObject == childObject).Select(d => d.RelationshipField).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Records the parents one queried child row points at through <paramref name="fields"/>.</summary>
    public static void AddParents(FormerParents former, string childObject, IEnumerable<string> fields, JsonElement row)
    {
        ArgumentNullException.ThrowIfNull(former);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            if (Text(row, field) is { } parent)
            {
                former.Add(childObject, field, parent);
            }
        }
    }

    /// <summary>Recomputes every rollup whose child object is among <paramref name="written"/>, for the parents they point at.</summary>
    /// <param name="written">The records the batch wrote (any objects).</param>
    /// <param name="ct">Stops the recalculation between calls.</param>
    public Task<RollupReport> RecalculateAsync(IReadOnlyList<SalesforceRecord> written, CancellationToken ct) =>
        RecalculateAsync(written, new FormerParents(), ct);

    /// <summary>
    /// Recomputes every rollup whose child object is among <paramref name="written"/>, for the parents they point at and
    /// for the <paramref name="former"/> parents they (or deleted children) pointed at before.
    /// </summary>
    public async Task<RollupReport> RecalculateAsync(IReadOnlyList<SalesforceRecord> written, FormerParents former, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(former);
        var definitions = await DefinitionsAsync(ct).ConfigureAwait(false);
        var applicable = definitions.Where(d => written.Any(r => r.ObjectName == d.ChildObject) || former.Touches(d)).ToList();
        if (applicable.Count == 0)
        {
            return RollupReport.None;
        }

        var queries = 0;
        var updates = new Dictionary<string, Dictionary<string, Dictionary<string, object?>>>(StringComparer.Ordinal);
        var childrenOf = new Dictionary<(string Object, string Id), List<SalesforceRecord>>(new ParentKeyComparer());
        var groups = new List<(List<RollupDefinition> Rollups, Dictionary<string, object?[]> Values)>();
        var aggregates = new List<string>();
        var groupOfAggregate = new List<int>();
        // Rollups over the same children, relationship and filter share their parents and one aggregate query.
        foreach (var group in applicable.GroupBy(d => (d.ChildObject, d.RelationshipField, Filter: d.Filter ?? string.Empty)))
        {
            var rollups = group.ToList();
            var first = rollups[0];
            var (children, lookups) = await ParentsOfAsync(first, written, ct).ConfigureAwait(false);
            queries += lookups;
            foreach (var parent in rollups.SelectMany(former.Of))
            {
                // A parent the children left: recomputed from what remains, nothing of this batch waits on it.
                children.TryAdd(parent, []);
            }

            var parents = children.Keys.ToList();
            foreach (var (parent, records) in children)
            {
                var key = (first.ParentObject, parent);
                if (!childrenOf.TryGetValue(key, out var all))
                {
                    all = [];
                    childrenOf[key] = all;
                }

                all.AddRange(records);
            }

            if (parents.Count == 0)
            {
                continue;
            }

            groups.Add((rollups, parents.ToDictionary(p => p, _ => rollups.Select(r => r.EmptyValue).ToArray(), StringComparer.OrdinalIgnoreCase)));
            foreach (var chunk in parents.Chunk(RollupQuery.MaxParentsPerAggregateQuery))
            {
                aggregates.Add(RollupQuery.For(rollups, chunk));
                groupOfAggregate.Add(groups.Count - 1);
            }
        }

        // Every group's aggregate queries together, five to an API call.
        queries += aggregates.Count;
        await foreach (var (query, row) in _salesforce.QueryManyAsync(aggregates, ct).ConfigureAwait(false))
        {
            var (rollups, values) = groups[groupOfAggregate[query]];
            if (Text(row, rollups[0].RelationshipField) is { } parent && values.TryGetValue(parent, out var slots))
            {
                for (var i = 0; i < rollups.Count; i++)
                {
                    slots[i] = ValueOf(row, "expr" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? rollups[i].EmptyValue;
                }
            }
        }

        foreach (var (rollups, values) in groups)
        {
            for (var i = 0; i < rollups.Count; i++)
            {
                var byParent = Bucket(updates, rollups[i].ParentObject);
                foreach (var (parent, slots) in values)
                {
                    if (!byParent.TryGetValue(parent, out var fields))
                    {
                        fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                        byParent[parent] = fields;
                    }

                    fields[rollups[i].ParentField] = slots[i];
                }
            }
        }

        var updated = 0;
        var failed = 0;
        var unsettled = new List<SalesforceRecord>();
        var refusedParents = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (parentObject, byParent) in updates)
        {
            // Sorted by id so concurrent loads take parent locks in the same order.
            var batch = byParent.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new ParentUpdate(parentObject, p.Key, p.Value))
                .ToList();
            var refused = await _writer.WriteAsync(parentObject, batch, ct).ConfigureAwait(false);
            updated += batch.Count - refused.Count;
            failed += refused.Count;
            foreach (var parent in refused)
            {
                refusedParents.Add(parent);
                unsettled.AddRange(childrenOf.GetValueOrDefault((parentObject, parent)) ?? []);
            }

            RollupLog.Recalculated(_logger, batch.Count, parentObject, queries, refused.Count);
        }

        return new RollupReport(updated, failed, queries, unsettled.Distinct().ToList()) { RefusedParents = refusedParents };
    }

    /// <summary>
    /// What recomputing the rollups of <paramref name="written"/> and <paramref name="former"/> would cover, without
    /// recomputing: one entry per rollup relationship and parent, to owe now and pay once later
    /// (<see cref="PayAsync"/>). Parents the synced-record map knows cost nothing; others one query per 200.
    /// </summary>
    public async Task<IReadOnlyList<RollupDebt>> DebtOfAsync(IReadOnlyList<SalesforceRecord> written, FormerParents former, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(former);
        var definitions = await DefinitionsAsync(ct).ConfigureAwait(false);
        var debt = new HashSet<RollupDebt>();
        foreach (var relationship in definitions.Where(d => written.Any(r => r.ObjectName == d.ChildObject) || former.Touches(d))
                     .GroupBy(d => (d.ChildObject, d.RelationshipField)))
        {
            // The rollups of one relationship share their parents: resolve them once.
            var rollup = relationship.First();
            var (parents, _) = await ParentsOfAsync(rollup, written, ct).ConfigureAwait(false);
            foreach (var parent in parents.Keys.Concat(former.Of(rollup)))
            {
                debt.Add(new RollupDebt(rollup.ChildObject, rollup.RelationshipField, parent));
            }
        }

        return debt.ToList();
    }

    /// <summary>
    /// Recomputes the rollups owed for <paramref name="debt"/>'s parents (every rollup over each entry's child object
    /// and relationship) and returns the entries paid: those of a parent whose update Salesforce refused stay owed.
    /// </summary>
    public async Task<(IReadOnlyList<RollupDebt> Paid, RollupReport Report)> PayAsync(IReadOnlyList<RollupDebt> debt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(debt);
        var former = new FormerParents();
        foreach (var entry in debt)
        {
            former.Add(entry.ChildObject, entry.RelationshipField, entry.ParentId);
        }

        var report = await RecalculateAsync([], former, ct).ConfigureAwait(false);
        return (debt.Where(d => !report.RefusedParents.Contains(d.ParentId)).ToList(), report);
    }

    /// <summary>The Salesforce ids of the parents the written children of the rollup's child object point at.</summary>
    private async Task<(Dictionary<string, List<SalesforceRecord>> Parents, int Queries)> ParentsOfAsync(RollupDefinition rollup, IReadOnlyList<SalesforceRecord> written, CancellationToken ct)
    {
        var parents = new Dictionary<string, List<SalesforceRecord>>(StringComparer.OrdinalIgnoreCase);
        void Add(string parent, IEnumerable<SalesforceRecord> children)
        {
            if (!parents.TryGetValue(parent, out var list))
            {
                list = [];
                parents[parent] = list;
            }

            list.AddRange(children);
        }

        var unresolved = new Dictionary<(string Object, string Field), Dictionary<string, List<SalesforceRecord>>>();
        foreach (var record in written.Where(r => r.ObjectName == rollup.ChildObject))
        {
            if (record.ReferenceFor(rollup.RelationshipField) is { } reference)
            {
                // Set by the parent's external id: the synced-record map usually knows its Salesforce id already.
                if (_state.SyncedRecords.Get(reference.ParentObject, reference.ParentExternalId.Value) is { } known)
                {
                    Add(known, [record]);
                }
                else
                {
                    var key = (reference.ParentObject, reference.ParentExternalIdField);
                    if (!unresolved.TryGetValue(key, out var externalIds))
                    {
                        externalIds = new Dictionary<string, List<SalesforceRecord>>(StringComparer.Ordinal);
                        unresolved[key] = externalIds;
                    }

                    if (!externalIds.TryGetValue(reference.ParentExternalId.Value, out var waiting))
                    {
                        waiting = [];
                        externalIds[reference.ParentExternalId.Value] = waiting;
                    }

                    waiting.Add(record);
                }
            }
            else if (IdText(record[rollup.RelationshipField]) is { } id)
            {
                Add(id, [record]);
            }
        }

        var queries = 0;
        foreach (var ((parentObject, field), externalIds) in unresolved)
        {
            foreach (var chunk in externalIds.Keys.Chunk(RollupQuery.MaxParentsPerQuery))
            {
                queries++;
                var soql = $"SELECT Id, {field} FROM {parentObject} WHERE {field} IN {Soql.InList(chunk)}";
                await foreach (var row in _salesforce.QueryAsync(soql, ct).ConfigureAwait(false))
                {
                    if (Text(row, "Id") is { } id && Text(row, field) is { } externalId && externalIds.TryGetValue(externalId, out var children))
                    {
                        Add(id, children);
                    }
                }
            }
        }

        return (parents, queries);
    }

    private static Dictionary<string, Dictionary<string, object?>> Bucket(Dictionary<string, Dictionary<string, Dictionary<string, object?>>> updates, string parentObject)
    {
        if (!updates.TryGetValue(parentObject, out var byParent))
        {
            byParent = new Dictionary<string, Dictionary<string, object?>>(StringComparer.OrdinalIgnoreCase);
            updates[parentObject] = byParent;
        }

        return byParent;
    }

    /// <summary>Parent keys: object by name, id case-insensitively (18-character ids differ in more than case).</summary>
    private sealed class ParentKeyComparer : IEqualityComparer<(string Object, string Id)>
    {
        public bool Equals((string Object, string Id) x, (string Object, string Id) y) =>
            string.Equals(x.Object, y.Object, StringComparison.Ordinal) && string.Equals(x.Id, y.Id, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Object, string Id) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Object), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Id));
    }

    private static string? IdText(object? value) => value switch
    {
        SalesforceId id => id.Value,
        string text when !string.IsNullOrWhiteSpace(text) => text,
        _ => null,
    };

    private static string? Text(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static object? ValueOf(JsonElement row, string field) =>
        !row.TryGetProperty(field, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDecimal(),
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
}
