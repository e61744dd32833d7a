using System.Text.Json;
using Lightbridge.Core.Identity;
using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// Reads the current values of matched records, which <c>FillIfBlank</c> and the no-change check need: one SOQL query
/// per object and chunk of ids (an <c>IN</c> list of at most <see cref="ChunkSize"/>, well inside the query-length limit).
/// </summary>
internal sealed class CurrentValuesReader
{
    /// <summary>Ids per query.</summary>
    public const int ChunkSize = 300;

    private readonly SalesforceClient _salesforce;

    public CurrentValuesReader(SalesforceClient salesforce)
    {
        _salesforce = salesforce;
    }

    /// <summary>The values of <paramref name="fields"/> of each record found, by id; a deleted record is absent.</summary>
    public async Task<Dictionary<SalesforceId, IReadOnlyDictionary<string, object?>>> ReadAsync(
        string objectName, IReadOnlyCollection<string> fields, IReadOnlyCollection<SalesforceId> ids, CancellationToken ct)
    {
        var values = new Dictionary<SalesforceId, IReadOnlyDictionary<string, object?>>();
        var select = string.Join(", ", fields.Where(f => !string.Equals(f, "Id", StringComparison.OrdinalIgnoreCase)).Prepend("Id").Distinct(StringComparer.OrdinalIgnoreCase));
        foreach (var chunk in ids.Distinct().Chunk(ChunkSize))
        {
            var soql = $"SELECT {select} FROM {objectName} WHERE Id IN {Soql.InList(chunk.Select(i => i.Value))}";
            await foreach (var record in _salesforce.QueryAsync(soql, ct).ConfigureAwait(false))
            {
                if (SalesforceId.TryParse(IdentityEntryFactory.Text(record, "Id"), out var id))
                {
                    values[id] = ToValues(record);
                }
            }
        }

        return values;
    }

    /// <summary>A query record as field values: strings, decimals, booleans and nulls (dates stay strings; the merger compares them as text).</summary>
    public static IReadOnlyDictionary<string, object?> ToValues(JsonElement record)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in record.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetDecimal(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
        }

        return values;
    }
}
