using System.Globalization;
using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Query;

namespace Lightbridge.Emulators.Lightspeed.Paging;

/// <summary>
/// The V3 cursor: base64 of a JSON array of the row's sort key and id, e.g. <c>WzEwMF0=</c> = <c>[100]</c> and
/// <c>["2021-11-01T14:55:51+00:00",544]</c> (shared/reference/lightspeed-api.md section 4). A keyset, never an
/// offset, so rows inserted or edited between pages are neither skipped nor repeated when sorting by id.
/// </summary>
internal static class CursorCodec
{
    public static string Encode(PageCursor cursor)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Wire.WireJson.Options))
        {
            w.WriteStartArray();
            if (cursor.HasSortValue)
            {
                switch (cursor.SortValue)
                {
                    case null:
                        w.WriteNullValue();
                        break;
                    case long l:
                        w.WriteNumberValue(l);
                        break;
                    case DateTimeOffset t:
                        w.WriteStringValue(Wire.WireFormat.DateTime(t));
                        break;
                    case decimal d:
                        w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                        break;
                    case bool b:
                        w.WriteStringValue(b ? "true" : "false");
                        break;
                    default:
                        w.WriteStringValue(Convert.ToString(cursor.SortValue, CultureInfo.InvariantCulture));
                        break;
                }
            }

            w.WriteNumberValue(cursor.Id);
            w.WriteEndArray();
        }

        return Convert.ToBase64String(buffer.WrittenSpan);
    }

    /// <summary>Decodes a cursor; <paramref name="sortKind"/> is null when sorting by the id.</summary>
    public static bool TryDecode(string text, FieldKind? sortKind, out PageCursor? cursor)
    {
        cursor = null;
        try
        {
            var bytes = Convert.FromBase64String(text);
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var expected = sortKind is null ? 1 : 2;
            if (root.GetArrayLength() != expected || root[expected - 1].ValueKind != JsonValueKind.Number || !root[expected - 1].TryGetInt64(out var id))
            {
                return false;
            }

            if (sortKind is null)
            {
                cursor = new PageCursor(false, null, id);
                return true;
            }

            var key = root[0];
            object? value = null;
            if (key.ValueKind != JsonValueKind.Null)
            {
                var keyText = key.ValueKind == JsonValueKind.String ? key.GetString()! : key.GetRawText();
                if (!FieldValueParser.TryParse(sortKind.Value, keyText, out value))
                {
                    return false;
                }
            }

            cursor = new PageCursor(true, value, id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
