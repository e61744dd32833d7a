using System.Globalization;
using System.Text.Json;
using Lightbridge.Salesforce.Records;

namespace Lightbridge.Salesforce.Collections;

/// <summary>
/// Writes the body of <c>PATCH /composite/sobjects/{Object}/{ExtIdField}</c>:
/// <c>{"allOrNone":false,"records":[{"attributes":{"type":"Obj"},"ExtId__c":"…",…}]}</c>. Every record carries
/// <c>attributes.type</c> and its key (shared/reference/salesforce-api.md §2.4).
/// </summary>
internal static class CollectionUpsertRequestWriter
{
    public static string Write(
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        IReadOnlyList<int> positions,
        string sObject,
        string externalIdField,
        bool allOrNone)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("allOrNone", allOrNone);
            writer.WriteStartArray("records");
            foreach (var position in positions)
            {
                var record = records[position];
                _ = ExternalIdOf(record, externalIdField, position);
                RecordJsonWriter.WriteRecord(writer, record, sObject);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The record's key as text; a record without one cannot be upserted and is refused before sending.</summary>
    public static string ExternalIdOf(IReadOnlyDictionary<string, object?> record, string externalIdField, int position)
    {
        if (!record.TryGetValue(externalIdField, out var value) || value is null)
        {
            throw new ArgumentException($"Record {position} has no value for the external ID field {externalIdField}.", nameof(record));
        }

        return value switch
        {
            string text when text.Length > 0 => text,
            string => throw new ArgumentException($"Record {position} has an empty {externalIdField}.", nameof(record)),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
