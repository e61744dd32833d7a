using System.Text.Json;

namespace Lightbridge.Salesforce.Streaming;

/// <summary>
/// The server's <c>advice</c>: how to reconnect, how long to wait before it (<c>interval</c>) and how long the
/// server may hold a connect (<c>timeout</c>, 110 s on Salesforce, reference §3.2).
/// </summary>
internal sealed record BayeuxAdvice(BayeuxReconnect? Reconnect, TimeSpan? Interval, TimeSpan? Timeout)
{
    public static BayeuxAdvice? Parse(JsonElement message)
    {
        if (!message.TryGetProperty("advice", out var advice) || advice.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        BayeuxReconnect? reconnect = advice.TryGetProperty("reconnect", out var r) && r.ValueKind == JsonValueKind.String
            ? r.GetString() switch
            {
                "retry" => BayeuxReconnect.Retry,
                "handshake" => BayeuxReconnect.Handshake,
                "none" => BayeuxReconnect.None,
                _ => null,
            }
            : null;
        return new BayeuxAdvice(reconnect, Milliseconds(advice, "interval"), Milliseconds(advice, "timeout"));
    }

    private static TimeSpan? Milliseconds(JsonElement advice, string name) =>
        advice.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var ms) && ms >= 0
            ? TimeSpan.FromMilliseconds(ms)
            : null;
}
