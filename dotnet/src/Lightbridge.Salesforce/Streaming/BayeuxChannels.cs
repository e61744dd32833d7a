namespace Lightbridge.Salesforce.Streaming;

/// <summary>The Bayeux meta channels a long-polling client uses (reference §3.2).</summary>
internal static class BayeuxChannels
{
    public const string Handshake = "/meta/handshake";
    public const string Subscribe = "/meta/subscribe";
    public const string Connect = "/meta/connect";
    public const string Disconnect = "/meta/disconnect";

    /// <summary>Meta channels carry protocol replies; every other channel carries data.</summary>
    public static bool IsMeta(string channel) => channel.StartsWith("/meta/", StringComparison.Ordinal);
}
