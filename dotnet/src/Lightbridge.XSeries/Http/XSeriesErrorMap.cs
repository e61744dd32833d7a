using System.Net;

namespace Lightbridge.XSeries.Http;

/// <summary>The one place where a failed X-Series response becomes an exception.</summary>
internal static class XSeriesErrorMap
{
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status == HttpStatusCode.RequestTimeout;

    /// <summary>Maps an API response that is neither success nor a handled 401/429/404.</summary>
    public static XSeriesApiException FromResponse(HttpStatusCode status, string endpoint, string? body)
    {
        var error = ErrorBody.Parse(body);
        return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? new XSeriesAuthException(status, endpoint, error.Message, error.Error)
            : new XSeriesApiException(status, endpoint, error.Message) { IsTransient = IsTransient(status) };
    }

    /// <summary>Maps a failed token-endpoint response: a 4xx is a refused grant or client and is never retried.</summary>
    public static XSeriesApiException FromTokenResponse(HttpStatusCode status, string endpoint, string? body)
    {
        var error = ErrorBody.Parse(body);
        if (IsTransient(status))
        {
            return new XSeriesApiException(status, endpoint, error.Message) { IsTransient = true };
        }

        return (int)status is >= 400 and < 500
            ? new XSeriesAuthException(status, endpoint, error.Message, error.Error)
            : new XSeriesApiException(status, endpoint, error.Message);
    }

    /// <summary>Method and path for messages and logs: never the query, never a token.</summary>
    public static string Describe(HttpMethod method, Uri uri) => $"{method.Method} {uri.AbsolutePath}";
}
