using Lightbridge.Emulators.Salesforce.Formulas;
using Lightbridge.Emulators.Salesforce.Schema;

namespace Lightbridge.Emulators.Salesforce.Store;

/// <summary>
/// Recomputes roll-up summary fields on a master when its children change (reference section 4.4: recalculation happens
/// in the master's save). Count and sum of no children are 0; min and max are blank.
/// </summary>
internal sealed class RollupCalculator
{
    private readonly RecordStore _store;
    private readonly TimeProvider _time;

    public RollupCalculator(RecordStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Recomputes every master the changed child pointed to before or after the change.</summary>
    public void ChildChanged(ObjectDefinition child, SObjectRecord? before, SObjectRecord? after)
    {
        foreach (var master in _store.Schema.Objects)
        {
            var summaries = master.Fields
                .Where(f => f.Summary is { } s && string.Equals(s.ChildObject, child.Name, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (summaries.Count == 0)
            {
                continue;
            }

            foreach (var fkName in summaries.Select(s => s.Summary!.ForeignKeyField).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var parents = new[] { before?.Get(fkName) as string, after?.Get(fkName) as string }
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal);
                foreach (var parentId in parents)
                {
                    Recompute(master, parentId, child, summaries.Where(s => string.Equals(s.Summary!.ForeignKeyField, fkName, StringComparison.OrdinalIgnoreCase)).ToList());
                }
            }
        }
    }

    private void Recompute(ObjectDefinition master, string parentId, ObjectDefinition child, List<FieldDefinition> summaries)
    {
        var parent = _store.Get(master.Name, parentId);
        if (parent is null)
        {
            return;
        }

        var fk = child.FindField(summaries[0].Summary!.ForeignKeyField);
        if (fk is null)
        {
            return;
        }

        var children = _store.FindBy(child, fk, parentId);
        var values = parent.CopyValues();
        var changed = false;
        foreach (var field in summaries)
        {
            var summary = field.Summary!;
            var matching = children.Where(c => summary.Filters.All(f => Matches(c, f))).ToList();
            var inputs = summary.SummarizedField is null
                ? []
                : matching.Select(c => c.Get(summary.SummarizedField)).Where(v => v is not null).ToList();
            object? result = summary.Operation switch
            {
                "count" => (decimal)matching.Count,
                "sum" => inputs.OfType<decimal>().Sum(),
                "min" => inputs.Count == 0 ? null : inputs.Min(Comparer<object?>.Create((a, b) => FormulaValues.Compare(a, b) ?? 0)),
                "max" => inputs.Count == 0 ? null : inputs.Max(Comparer<object?>.Create((a, b) => FormulaValues.Compare(a, b) ?? 0)),
                _ => null,
            };
            if (!Equals(values.GetValueOrDefault(field.Name), result))
            {
                values[field.Name] = result;
                changed = true;
            }
        }

        if (!changed)
        {
            return;
        }

        values["SystemModstamp"] = _time.GetUtcNow();
        var updated = new SObjectRecord(master, parent.Id, values);
        _store.Put(updated);
        // A master may itself be the detail of another roll-up.
        ChildChanged(master, parent, updated);
    }

    private static bool Matches(SObjectRecord child, SummaryFilter filter)
    {
        var value = FormulaValues.Text(child.Get(filter.Field));
        // Filter values are comma-separated alternatives ("Completed, Voided").
        var options = filter.Value.Split(',', StringSplitOptions.TrimEntries);
        var equal = options.Any(o => string.Equals(o, value, StringComparison.OrdinalIgnoreCase));
        return filter.Operation switch
        {
            "equals" => equal,
            "notEqual" => !equal,
            "contains" => options.Any(o => value.Contains(o, StringComparison.OrdinalIgnoreCase)),
            "startsWith" => options.Any(o => value.StartsWith(o, StringComparison.OrdinalIgnoreCase)),
            "greaterThan" => FormulaValues.Compare(child.Get(filter.Field), ParseLike(child.Get(filter.Field), filter.Value)) > 0,
            "lessThan" => FormulaValues.Compare(child.Get(filter.Field), ParseLike(child.Get(filter.Field), filter.Value)) < 0,
            "greaterOrEqual" => FormulaValues.Compare(child.Get(filter.Field), ParseLike(child.Get(filter.Field), filter.Value)) >= 0,
            "lessOrEqual" => FormulaValues.Compare(child.Get(filter.Field), ParseLike(child.Get(filter.Field), filter.Value)) <= 0,
            _ => equal,
        };
    }

    private static object? ParseLike(object? sample, string text) => sample switch
    {
        decimal => decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null,
        bool => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase),
        _ => text,
    };
}
