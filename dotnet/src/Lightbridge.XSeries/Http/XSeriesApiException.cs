using System.Net;

namespace Lightbridge.XSeries;

/// <summary>
/// An X-Series call that cannot go on: a 4xx other than a handled 401/429/404, or a fault that stayed after every
/// retry. Built in one place, <c>XSeriesErrorMap</c>.
/// </summary>
public class XSeriesApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public XSeriesApiException()
        : this("The X-Series API call failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public XSeriesApiException(string message)
        : base(message)
    {
        Endpoint = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public XSeriesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Endpoint = string.Empty;
    }

    /// <summary>Creates the exception for a failed response.</summary>
    /// <param name="statusCode">The HTTP status received.</param>
    /// <param name="endpoint">Method and path of the request (never its token, never its query).</param>
    /// <param name="apiMessage">The API's own explanation, when it sent one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public XSeriesApiException(HttpStatusCode statusCode, string endpoint, string? apiMessage, Exception? innerException = null)
        : base(Describe(statusCode, endpoint, apiMessage), innerException)
    {
        StatusCode = statusCode;
        Endpoint = endpoint;
        ApiMessage = apiMessage;
    }

    /// <summary>The HTTP status received.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Method and path of the request, e.g. <c>GET /api/2.0/sales</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The API's own explanation, when it sent one.</summary>
    public string? ApiMessage { get; }

    /// <summary>Whether the failure was transient (5xx, timeout, a body that was not JSON) and was retried until the budget ran out.</summary>
    public bool IsTransient { get; init; }

    private static string Describe(HttpStatusCode statusCode, string endpoint, string? apiMessage)
    {
        var head = $"Lightspeed X-Series {endpoint} returned {(int)statusCode} {statusCode}";
        return string.IsNullOrWhiteSpace(apiMessage) ? head + "." : $"{head}: {apiMessage}";
    }
}
