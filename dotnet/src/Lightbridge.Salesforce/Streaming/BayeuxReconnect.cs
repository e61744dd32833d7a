namespace Lightbridge.Salesforce.Streaming;

/// <summary>What the server's <c>advice.reconnect</c> tells the client to do next (reference §3.2, §3.4).</summary>
internal enum BayeuxReconnect
{
    /// <summary>Connect again with the same client id.</summary>
    Retry,

    /// <summary>The client id is gone: handshake again (and subscribe again).</summary>
    Handshake,

    /// <summary>Do not reconnect as things are (for Salesforce: the session is refused).</summary>
    None,
}
