using System.Text.Json;
using Lightbridge.Lightspeed.Wire;
using Lightbridge.Lightspeed.Wire.Converters;

namespace Lightbridge.Lightspeed.Paging;

/// <summary>
/// One V3 response read in a single pass over its UTF-8 bytes: <c>{"@attributes":{"next":"…","previous":"…"},"Sale":[…]}</c>.
/// One record comes as an object, not an array, and an empty page has no entity key at all
/// (shared/reference/lightspeed-api.md §4, §9.1, §9.2).
/// </summary>
/// <remarks>
/// <see cref="ReadAs{TDto}"/> reads each record into its DTO in the same pass as the page, and keeps the slice of the
/// body it occupies beside it; <see cref="Read"/> keeps only the slices. Building a <see cref="JsonDocument"/> of every
/// page and cloning each record out of it cost more than reading the records themselves (docs/performance.md, "Where
/// the cost is").
/// </remarks>
internal sealed class WirePage
{
    private const string AttributesKey = "@attributes";

    private WirePage(IReadOnlyList<WireRecord> records, string? next)
    {
        Records = records;
        Next = next;
    }

    /// <summary>The records under the entity key: none, one (object) or many (array; anything but objects in it is ignored).</summary>
    public IReadOnlyList<WireRecord> Records { get; }

    /// <summary>The <c>next</c> URL, or null at the last page (<c>""</c> or absent).</summary>
    public string? Next { get; }

    /// <summary>
    /// Reads <paramref name="utf8"/> as a page of <paramref name="entityKey"/> records. The key is matched exactly, or
    /// else ignoring case (§9.11). Throws <see cref="JsonException"/> when the body is not one valid JSON value.
    /// </summary>
    public static WirePage Read(ReadOnlyMemory<byte> utf8, string entityKey) => ReadWith(utf8, entityKey, null);

    /// <summary>
    /// Reads <paramref name="utf8"/> as <see cref="Read"/> does, each record into a <typeparamref name="TDto"/> in the
    /// same pass. When one cannot be read, the page is read again record by record (<see cref="Read"/>), so that whoever
    /// maps the records meets the bad one on its own and the rest of the page goes on; a body that is not JSON then
    /// throws as from <see cref="Read"/>.
    /// </summary>
    public static WirePage ReadAs<TDto>(ReadOnlyMemory<byte> utf8, string entityKey)
        where TDto : class
    {
        try
        {
            // Straight to the DTO's converter: the serializer's entry point would scan each record ahead once more first.
            return ReadWith(utf8, entityKey, static (ref Utf8JsonReader reader) => WireDtoConverterFactory.ReadNested<TDto>(ref reader, WireJson.Options));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            return Read(utf8, entityKey);
        }
    }

    private static WirePage ReadWith(ReadOnlyMemory<byte> utf8, string entityKey, RecordReader? recordReader)
    {
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new JsonException("The body is empty.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            EnsureEnd(ref reader);
            return new WirePage([], null);
        }

        List<WireRecord>? exact = null;
        List<WireRecord>? ignoringCase = null;
        string? next = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(AttributesKey))
            {
                reader.Read();
                next ??= ReadNext(ref reader);
            }
            else if (reader.ValueTextEquals(entityKey))
            {
                reader.Read();
                exact ??= ReadRecords(ref reader, utf8, recordReader);
            }
            else if (ignoringCase is null && string.Equals(reader.GetString(), entityKey, StringComparison.OrdinalIgnoreCase))
            {
                reader.Read();
                ignoringCase = ReadRecords(ref reader, utf8, recordReader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        EnsureEnd(ref reader);
        return new WirePage(exact ?? ignoringCase ?? [], next);
    }

    /// <summary>Reads the record the reader stands on and leaves the reader on its closing brace.</summary>
    private delegate object? RecordReader(ref Utf8JsonReader reader);

    private static string? ReadNext(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? next = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isNext = reader.ValueTextEquals("next");
            reader.Read();
            if (isNext && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } url)
            {
                next = url;
            }
            else
            {
                reader.Skip();
            }
        }

        return next;
    }

    private static List<WireRecord> ReadRecords(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8, RecordReader? recordReader)
    {
        var records = new List<WireRecord>();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                records.Add(Slice(ref reader, utf8, recordReader));
                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        records.Add(Slice(ref reader, utf8, recordReader));
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                break;
            default:
                // "" or null: nothing.
                reader.Skip();
                break;
        }

        return records;
    }

    /// <summary>
    /// The object the reader stands on, as the bytes it spans and, with a record reader, as what it read; the reader is
    /// left on its closing brace.
    /// </summary>
    private static WireRecord Slice(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8, RecordReader? recordReader)
    {
        var start = (int)reader.TokenStartIndex;
        object? read = null;
        if (recordReader is null)
        {
            reader.Skip();
        }
        else
        {
            read = recordReader(ref reader);
        }

        return new WireRecord(utf8[start..(int)reader.BytesConsumed], read);
    }

    /// <summary>Reads past the end of the value: anything after it is invalid, as <see cref="JsonDocument"/> would say.</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            reader.Skip();
        }
    }
}
