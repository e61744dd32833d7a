using System.Text.Json.Nodes;

namespace Lightbridge.Salesforce.Streaming;

/// <summary>The bodies a long-polling subscriber sends (reference §3.2); each is a one-message JSON array.</summary>
internal static class BayeuxRequests
{
    public static string Handshake(long id) => Wrap(new JsonObject
    {
        ["channel"] = BayeuxChannels.Handshake,
        ["id"] = Id(id),
        ["version"] = "1.0",
        ["minimumVersion"] = "1.0",
        ["supportedConnectionTypes"] = new JsonArray("long-polling"),
        // Without ext.replay the server ignores the replay map on subscribe (reference §3.2 step 1).
        ["ext"] = new JsonObject { ["replay"] = true },
    });

    /// <summary>Subscribes with the replay map, which must name the channel itself (EMP-Connector#41, §3.2 step 3).</summary>
    public static string Subscribe(long id, string clientId, string channel, long replayFrom) => Wrap(new JsonObject
    {
        ["channel"] = BayeuxChannels.Subscribe,
        ["id"] = Id(id),
        ["clientId"] = clientId,
        ["subscription"] = channel,
        ["ext"] = new JsonObject { ["replay"] = new JsonObject { [channel] = replayFrom } },
    });

    public static string Connect(long id, string clientId) => Wrap(new JsonObject
    {
        ["channel"] = BayeuxChannels.Connect,
        ["id"] = Id(id),
        ["clientId"] = clientId,
        ["connectionType"] = "long-polling",
    });

    public static string Disconnect(long id, string clientId) => Wrap(new JsonObject
    {
        ["channel"] = BayeuxChannels.Disconnect,
        ["id"] = Id(id),
        ["clientId"] = clientId,
    });

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Wrap(JsonObject message) => new JsonArray(message).ToJsonString();
}
