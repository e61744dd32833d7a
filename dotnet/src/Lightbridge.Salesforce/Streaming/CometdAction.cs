namespace Lightbridge.Salesforce.Streaming;

/// <summary>What the subscriber does after a reply on a meta channel (decided by <see cref="CometdDecision"/>).</summary>
internal enum CometdAction
{
    /// <summary>The step worked: go on (connect again, after the advised interval).</summary>
    Proceed,

    /// <summary>The client id is gone (<c>403::Unknown client</c>): handshake and subscribe again.</summary>
    Handshake,

    /// <summary>The session is refused (<c>401::Authentication invalid</c>): a new token, then a handshake.</summary>
    Reauthenticate,

    /// <summary>The replay id subscribed from is outside retention: only the caller can pick -2 or -1.</summary>
    ReplayIdInvalid,

    /// <summary>Refused for good (unknown channel, a server asking not to reconnect): stop with the server's error.</summary>
    Fail,
}
