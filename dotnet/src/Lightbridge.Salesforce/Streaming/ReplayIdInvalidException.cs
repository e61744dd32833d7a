namespace Lightbridge.Salesforce.Streaming;

/// <summary>
/// The server refused the replay id subscribed from: it is outside the retention window (72 h for high-volume
/// events, reference §3.5). Nothing was delivered; the caller decides to resubscribe from -2 (all retained)
/// or -1 (new only) and reconcile what it missed.
/// </summary>
public sealed class ReplayIdInvalidException : CometdException
{
    /// <summary>Creates the exception.</summary>
    public ReplayIdInvalidException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReplayIdInvalidException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ReplayIdInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the refused id.</summary>
    public ReplayIdInvalidException(string channel, long replayId, string serverError)
        : base($"Salesforce refused replayId {replayId} on {channel} (outside retention?): {serverError}")
    {
        Channel = channel;
        ReplayId = replayId;
    }

    /// <summary>The channel subscribed to.</summary>
    public string? Channel { get; }

    /// <summary>The replay id refused.</summary>
    public long ReplayId { get; }
}
