namespace Lightbridge.Emulators.Salesforce.Streaming;

/// <summary>
/// One handshaken CometD client: its subscriptions (channel → replay id of the last event delivered) and when it was
/// last heard from. Dropping a client drops its subscriptions (reference section 6: no subscription survives).
/// </summary>
internal sealed class CometdClient
{
    public required string ClientId { get; init; }

    public required string Browser { get; init; }

    public Dictionary<string, long> Subscriptions { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset LastSeen { get; set; }

    /// <summary>A connect is being held: the client is present even if LastSeen is old.</summary>
    public bool Holding { get; set; }
}
