using System.Globalization;
using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.State;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// Turns the payload of a <c>Lightspeed_Resync_Request__e</c> event (<c>Scope__c</c>, <c>Lightspeed_Id__c</c>,
/// <c>From__c</c>, <c>To__c</c>, <c>Reason__c</c>) into a <see cref="ResyncRequest"/>.
/// </summary>
internal static class ResyncEventParser
{
    /// <summary>The platform event's API name.</summary>
    public const string EventName = "Lightspeed_Resync_Request__e";

    /// <summary>The channel the worker subscribes to.</summary>
    public const string Channel = "/event/" + EventName;

    /// <summary>Parses the payload; false with a reason naming the field when the request cannot be honoured.</summary>
    public static bool TryParse(JsonElement payload, out ResyncRequest request, out string problem)
    {
        request = null!;
        var scopeText = Text(payload, "Scope__c");
        if (scopeText is null || !Enum.TryParse<ResyncScope>(scopeText, ignoreCase: true, out var scope) || !Enum.IsDefined(scope))
        {
            problem = $"Scope__c '{scopeText}' is not one of {string.Join(", ", Enum.GetNames<ResyncScope>())}";
            return false;
        }

        if (!TryInstant(payload, "From__c", out var from, out problem) || !TryInstant(payload, "To__c", out var to, out problem))
        {
            return false;
        }

        if (from is { } f && to is { } t && t < f)
        {
            problem = $"To__c ({t:O}) is before From__c ({f:O})";
            return false;
        }

        var id = Text(payload, "Lightspeed_Id__c");
        request = new ResyncRequest(scope, id is null ? null : new LightspeedId(id), from, to, Text(payload, "Reason__c"));
        problem = string.Empty;
        return true;
    }

    private static string? Text(JsonElement payload, string field) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static bool TryInstant(JsonElement payload, string field, out DateTimeOffset? instant, out string problem)
    {
        instant = null;
        problem = string.Empty;
        var text = Text(payload, field);
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            instant = parsed;
            return true;
        }

        problem = $"{field} '{text}' is not a date-time";
        return false;
    }
}
