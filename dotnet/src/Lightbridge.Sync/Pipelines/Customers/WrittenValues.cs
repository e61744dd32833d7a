using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// The values of records a dry run would have written, which Salesforce therefore cannot return: the match report lays
/// them over what the org holds, so a later batch plans against the same values a real sync would read back.
/// </summary>
internal sealed class WrittenValues
{
    private readonly Dictionary<SalesforceId, Dictionary<string, object?>> _values = [];

    /// <summary>Remembers what <paramref name="decision"/>'s write leaves on record <paramref name="id"/>.</summary>
    public void Record(SalesforceId id, CustomerDecision decision, string externalIdField)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!_values.TryGetValue(id, out var values))
        {
            _values[id] = values = new Dictionary<string, object?>(decision.Current ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        }

        var record = decision.Write.Record!;
        foreach (var field in record.Fields)
        {
            values[field.Name] = RecordUpdater.Plain(field.Value);
        }

        if (decision.Write.Kind == CustomerWriteKind.Create)
        {
            values[externalIdField] = record.ExternalId.Value;
        }
    }

    /// <summary>The org's values of <paramref name="id"/> (null when the record exists only here) with the written ones laid over; null when nothing was written to it.</summary>
    public IReadOnlyDictionary<string, object?>? Overlay(SalesforceId id, IReadOnlyDictionary<string, object?>? current)
    {
        if (!_values.TryGetValue(id, out var written))
        {
            return null;
        }

        var merged = new Dictionary<string, object?>(current ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        foreach (var (field, value) in written)
        {
            merged[field] = value;
        }

        return merged;
    }
}
