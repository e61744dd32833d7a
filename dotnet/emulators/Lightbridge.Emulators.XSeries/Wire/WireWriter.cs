using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lightbridge.Emulators.XSeries.Wire;

/// <summary>Small helpers for the X-Series wire: UTC timestamps with an explicit <c>+00:00</c>, nullable members.</summary>
internal static class WireWriter
{
    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    public static void WriteTimestamp(this Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Timestamp(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void WriteNullableString(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>Drops trailing zeros (28.1010 → 28.101) so amounts read like the real API's.</summary>
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping: "+00:00" and "O'Connor" go out literally, as the real API writes them.
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(w);
        }

        return stream.ToArray();
    }
}
