using System.Text.Json;

namespace Lightbridge.Salesforce.Streaming;

/// <summary>A reply on a meta channel: whether it worked, the error text (<c>"403::Unknown client"</c>) and advice.</summary>
internal sealed record BayeuxReply(string Channel, bool Successful, string? ClientId, string? Error, BayeuxAdvice? Advice, bool ReplayEnabled)
{
    /// <summary>The numeric code in front of <c>::</c> in <see cref="Error"/> (400, 401, 403…), or null.</summary>
    public int? ErrorCode =>
        Error is { } e && e.IndexOf("::", StringComparison.Ordinal) is var at and > 0 && int.TryParse(e.AsSpan(0, at), out var code) ? code : null;

    public static BayeuxReply Parse(JsonElement message)
    {
        var channel = message.TryGetProperty("channel", out var c) ? c.GetString() ?? "" : "";
        var successful = message.TryGetProperty("successful", out var s) && s.ValueKind == JsonValueKind.True;
        var clientId = message.TryGetProperty("clientId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var error = message.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

        // A handshake refused for a bad token names the real reason under ext.sfdc.failureReason (reference §3.4).
        if (message.TryGetProperty("ext", out var ext) && ext.ValueKind == JsonValueKind.Object
            && ext.TryGetProperty("sfdc", out var sfdc) && sfdc.ValueKind == JsonValueKind.Object
            && sfdc.TryGetProperty("failureReason", out var reason) && reason.ValueKind == JsonValueKind.String)
        {
            error = reason.GetString();
        }

        var replay = ext.ValueKind == JsonValueKind.Object && ext.TryGetProperty("replay", out var r) && r.ValueKind == JsonValueKind.True;
        return new BayeuxReply(channel, successful, clientId, error, BayeuxAdvice.Parse(message), replay);
    }
}
