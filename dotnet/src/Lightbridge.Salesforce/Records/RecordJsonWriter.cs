using System.Text.Json;

namespace Lightbridge.Salesforce.Records;

/// <summary>
/// Writes a record's fields as REST JSON: strings, booleans, numbers (decimals and integers exactly, invariant),
/// dates <c>yyyy-MM-dd</c>, date-times in UTC <c>…sss'Z'</c>, null to clear a field, parents by external ID
/// (<see cref="ExternalIdReference"/>), nested objects from dictionaries, and raw <see cref="JsonElement"/>s.
/// Anything else is refused with the field's name, rather than guessed.
/// </summary>
internal static class RecordJsonWriter
{
    /// <summary>Writes <c>{[attributes,] field: value, …}</c>.</summary>
    /// <param name="writer">The target.</param>
    /// <param name="fields">The record's fields by API name.</param>
    /// <param name="sObjectType">When set, written first as <c>attributes.type</c> (required by Collections, §2.4).</param>
    /// <param name="skipField">A field left out: the key field of an upsert, which must not repeat in the body (§2.3).</param>
    public static void WriteRecord(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> fields, string? sObjectType = null, string? skipField = null)
    {
        writer.WriteStartObject();
        if (sObjectType is not null)
        {
            WriteAttributes(writer, sObjectType);
        }

        foreach (var (name, value) in fields)
        {
            if (string.Equals(name, skipField, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.Equals(name, "attributes", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("A record's fields must not include 'attributes'; the client writes it.", nameof(fields));
            }

            writer.WritePropertyName(Http.SalesforceRoutes.ApiName(name, nameof(fields)));
            WriteValue(writer, name, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Serialises a record to a JSON string.</summary>
    public static string ToJson(IReadOnlyDictionary<string, object?> fields, string? sObjectType = null, string? skipField = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteRecord(writer, fields, sObjectType, skipField);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes one value.</summary>
    public static void WriteValue(Utf8JsonWriter writer, string field, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case short number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(Finite(number, field));
                break;
            case float number:
                writer.WriteNumberValue(Finite(number, field));
                break;
            case DateOnly date:
                writer.WriteStringValue(SalesforceFormats.Date(date));
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(SalesforceFormats.DateTime(instant));
                break;
            case DateTime dateTime:
                writer.WriteStringValue(SalesforceFormats.DateTime(SalesforceFormats.Instant(dateTime, field)));
                break;
            case Guid guid:
                writer.WriteStringValue(guid.ToString("D"));
                break;
            case ExternalIdReference reference:
                writer.WriteStartObject();
                if (reference.SObjectType is not null)
                {
                    WriteAttributes(writer, reference.SObjectType);
                }

                writer.WriteString(Http.SalesforceRoutes.ApiName(reference.Field, field), reference.Value);
                writer.WriteEndObject();
                break;
            case IReadOnlyDictionary<string, object?> nested:
                WriteRecord(writer, nested);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            default:
                throw new ArgumentException(
                    $"Field {field} holds a {value.GetType().Name}, which the client does not write; convert it to a string, number, bool, DateOnly or DateTimeOffset.",
                    nameof(value));
        }
    }

    private static void WriteAttributes(Utf8JsonWriter writer, string sObjectType)
    {
        writer.WriteStartObject("attributes");
        writer.WriteString("type", Http.SalesforceRoutes.ApiName(sObjectType, nameof(sObjectType)));
        writer.WriteEndObject();
    }

    private static double Finite(double number, string field) =>
        double.IsFinite(number)
            ? number
            : throw new ArgumentException($"Field {field} holds {number}, which JSON cannot carry.", nameof(number));
}
