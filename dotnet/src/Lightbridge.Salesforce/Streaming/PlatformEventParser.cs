using System.Text.Json;

namespace Lightbridge.Salesforce.Streaming;

/// <summary>Reads a data message (<c>data.payload</c>, <c>data.event.replayId/EventUuid</c>, reference §3.3).</summary>
internal static class PlatformEventParser
{
    /// <summary>Returns the event, or null when the message holds no replay id (nothing a caller could resume from).</summary>
    public static PlatformEvent? Parse(JsonElement message)
    {
        var channel = message.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
        if (!message.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("event", out var header) || header.ValueKind != JsonValueKind.Object
            || !header.TryGetProperty("replayId", out var replay) || !TryReadLong(replay, out var replayId))
        {
            return null;
        }

        var uuid = header.TryGetProperty("EventUuid", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var schema = data.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var payload = data.TryGetProperty("payload", out var p) ? p.Clone() : default;
        return new PlatformEvent(channel, replayId, uuid, schema, payload);
    }

    // Some clients and servers write ids as strings (jsforce sent "-2", reference §3.2 step 3).
    private static bool TryReadLong(JsonElement value, out long result) =>
        value.ValueKind == JsonValueKind.Number
            ? value.TryGetInt64(out result)
            : long.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : null, System.Globalization.CultureInfo.InvariantCulture, out result);
}
