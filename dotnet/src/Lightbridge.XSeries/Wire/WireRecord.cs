using System.Globalization;
using System.Text.Json;
using Lightbridge.Core.Model;

namespace Lightbridge.XSeries.Wire;

/// <summary>
/// Tolerant reads from one X-Series record. The API sends real JSON types (shared/reference/lightspeed-api.md §7), but
/// a number sent as a string costs nothing to accept. What must be there (the id, the version) throws
/// <see cref="JsonException"/> naming the field, so the record goes to the unreadable handler; a money value that is
/// not a number is read as zero and its field name recorded, so validation queues the record as <c>MoneyParses</c>.
/// </summary>
internal readonly struct WireRecord
{
    private readonly JsonElement _element;

    public WireRecord(JsonElement element, string resource)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"An X-Series {resource} record is a JSON {element.ValueKind}, not an object.");
        }

        _element = element;
        Resource = resource;
    }

    public string Resource { get; }

    /// <summary>The record's own id, which must be there.</summary>
    public LightspeedId Id(string field = "id") =>
        LightspeedId.FromWire(Text(field)) ?? throw new JsonException($"An X-Series {Resource} record has no {field}.");

    /// <summary>A foreign key; absent, null and blank are null.</summary>
    public LightspeedId? Reference(string field) => LightspeedId.FromWire(Text(field));

    /// <summary>The change version, which every record carries and the cursor depends on.</summary>
    public long Version() =>
        OptionalVersion() ?? throw new JsonException($"An X-Series {Resource} record has no readable version.");

    /// <summary>The change version, or null when absent.</summary>
    public long? OptionalVersion()
    {
        if (!_element.TryGetProperty("version", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonValueKind.Null => null,
            _ => throw new JsonException($"An X-Series {Resource} record's version is not a whole number."),
        };
    }

    /// <summary>Text with blanks as null; a number or boolean is read as its text; an object or array is not text.</summary>
    public string? Text(string field)
    {
        if (!_element.TryGetProperty(field, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new JsonException($"An X-Series {Resource} record's {field} is a JSON {value.ValueKind}, not text."),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A boolean; <c>"true"</c>/<c>"false"</c>, <c>1</c>/<c>0</c> accepted; anything else gives null.</summary>
    public bool? Flag(string field)
    {
        if (!_element.TryGetProperty(field, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var number) => number != 0,
            JsonValueKind.String => value.GetString()?.Trim().ToUpperInvariant() switch
            {
                "TRUE" or "1" => true,
                "FALSE" or "0" => false,
                _ => null,
            },
            _ => null,
        };
    }

    /// <summary>
    /// An amount: null when absent or null; a malformed value (text that is not a number, a boolean, an object) is
    /// also null and its field name goes into <paramref name="malformed"/>.
    /// </summary>
    public decimal? Amount(string field, List<string> malformed)
    {
        if (!_element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        if (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
        {
            return null; // "" is how some serialisers say "no value".
        }

        malformed.Add(field);
        return null;
    }

    /// <summary>An instant (<c>2014-09-18T01:37:56+00:00</c>); a time without an offset is UTC; unreadable gives null.</summary>
    public DateTimeOffset? Instant(string field) =>
        Text(field) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;

    /// <summary>A calendar date (<c>1984-06-21</c>); a full timestamp gives the date it names in its own offset.</summary>
    public DateOnly? Date(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? DateOnly.FromDateTime(instant.DateTime)
            : null;
    }

    /// <summary>The elements of an array field; absent or null is empty; anything else is not readable.</summary>
    public IEnumerable<JsonElement> Array(string field)
    {
        if (!_element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new JsonException($"An X-Series {Resource} record's {field} is a JSON {value.ValueKind}, not a list.");
    }

    /// <summary>Whether <c>deleted_at</c> holds a value: X-Series's form of deletion.</summary>
    public bool IsDeleted => Text("deleted_at") is not null;
}
