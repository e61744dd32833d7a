namespace Lightbridge.Salesforce.Streaming;

/// <summary>The streaming session cannot go on: the server refused a handshake or subscription for good.</summary>
public class CometdException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CometdException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CometdException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public CometdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
