using System.Net;

namespace Lightbridge.Lightspeed;

/// <summary>
/// A Lightspeed call that cannot go on: a 4xx other than a handled 401/429, or a fault that stayed after
/// every retry. Built in one place, <c>LightspeedErrorMap.FromResponse</c>.
/// </summary>
public class LightspeedApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LightspeedApiException()
        : this("The Lightspeed API call failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LightspeedApiException(string message)
        : base(message)
    {
        Endpoint = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LightspeedApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Endpoint = string.Empty;
    }

    /// <summary>Creates the exception for a failed response.</summary>
    /// <param name="statusCode">The HTTP status received.</param>
    /// <param name="endpoint">Method and path of the request (never its token, never its query).</param>
    /// <param name="apiMessage">The API's <c>message</c> (or OAuth <c>error_description</c>), when it sent one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public LightspeedApiException(HttpStatusCode statusCode, string endpoint, string? apiMessage, Exception? innerException = null)
        : base(Describe(statusCode, endpoint, apiMessage), innerException)
    {
        StatusCode = statusCode;
        Endpoint = endpoint;
        ApiMessage = apiMessage;
    }

    /// <summary>The HTTP status received.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Method and path of the request, e.g. <c>GET /API/V3/Account/1/Sale.json</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The API's own explanation, when it sent one.</summary>
    public string? ApiMessage { get; }

    /// <summary>
    /// Whether the failure was transient (5xx, or a 400 saying "Please try again later.") and the client
    /// retried it until its budget ran out.
    /// </summary>
    public bool IsTransient { get; init; }

    private static string Describe(HttpStatusCode statusCode, string endpoint, string? apiMessage)
    {
        var head = $"Lightspeed {endpoint} returned {(int)statusCode} {statusCode}";
        return string.IsNullOrWhiteSpace(apiMessage) ? head + "." : $"{head}: {apiMessage}";
    }
}
