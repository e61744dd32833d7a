using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Rest;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Store;

namespace Lightbridge.Emulators.Salesforce.Streaming;

/// <summary>The Bayeux replies and the delivered platform-event shape (reference sections 3.2 to 3.4).</summary>
internal static class CometdMessages
{
    public static JsonObject Advice(string reconnect, TimeSpan? timeout = null)
    {
        var advice = new JsonObject { ["interval"] = 0, ["reconnect"] = reconnect };
        if (timeout is { } t)
        {
            advice["timeout"] = (long)t.TotalMilliseconds;
        }

        return advice;
    }

    public static JsonObject Reply(JsonObject request, string? clientId, bool successful, string? error = null, JsonObject? advice = null)
    {
        var reply = new JsonObject { ["channel"] = request["channel"]?.ToString() };
        if (clientId is not null)
        {
            reply["clientId"] = clientId;
        }

        if (request["id"] is { } id)
        {
            reply["id"] = id.DeepClone();
        }

        if (request["subscription"] is { } subscription)
        {
            reply["subscription"] = subscription.DeepClone();
        }

        reply["successful"] = successful;
        if (error is not null)
        {
            reply["error"] = error;
        }

        if (advice is not null)
        {
            reply["advice"] = advice;
        }

        return reply;
    }

    /// <summary><c>{"data":{"schema","payload","event":{"EventUuid","replayId"}},"channel"}</c>.</summary>
    public static JsonObject Event(PublishedEvent published, ObjectDefinition definition, string createdById)
    {
        var payload = new JsonObject();
        foreach (var field in definition.Fields.Where(f => f.Name.EndsWith("__c", StringComparison.OrdinalIgnoreCase)))
        {
            payload[field.Name] = RecordJson.Value(field.Type, published.Payload.GetValueOrDefault(field.Name));
        }

        // Event CreatedDate is written with a Z, unlike record DateTimes (reference section 3.3).
        payload["CreatedDate"] = published.CreatedDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        payload["CreatedById"] = createdById;
        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["schema"] = SchemaId(definition),
                ["payload"] = payload,
                ["event"] = new JsonObject { ["EventUuid"] = published.EventUuid, ["replayId"] = published.ReplayId },
            },
            ["channel"] = "/event/" + definition.Name,
        };
    }

    private static string SchemaId(ObjectDefinition definition)
    {
        // A stable id per event shape, like the org's schema ids.
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(",", definition.Fields.Select(f => f.Name).Order(StringComparer.Ordinal))));
        return Convert.ToBase64String(hash)[..22].Replace('+', '-').Replace('/', '_');
    }
}
