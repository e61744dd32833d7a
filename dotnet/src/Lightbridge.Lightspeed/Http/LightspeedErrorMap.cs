using System.Net;

namespace Lightbridge.Lightspeed.Http;

/// <summary>The one place where a failed Lightspeed response becomes an exception.</summary>
internal static class LightspeedErrorMap
{
    /// <summary>
    /// The R-Series API sometimes answers a plain 400 with this text when it is overloaded; the tap that
    /// knows the API best retries it as transient (shared/reference/lightspeed-api.md §2, §10).
    /// </summary>
    public const string TryAgainLaterText = "Please try again later.";

    public static bool IsTransient(HttpStatusCode status, string? body) =>
        (int)status >= 500
        || status == HttpStatusCode.RequestTimeout
        || (status == HttpStatusCode.BadRequest && body is not null && body.Contains(TryAgainLaterText, StringComparison.OrdinalIgnoreCase));

    /// <summary>Maps a response that is neither success nor a handled 401/429.</summary>
    /// <param name="status">The status received.</param>
    /// <param name="endpoint">Method and path, without query or token.</param>
    /// <param name="body">The response text.</param>
    public static LightspeedApiException FromResponse(HttpStatusCode status, string endpoint, string? body)
    {
        var error = ApiErrorBody.Parse(body);
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new LightspeedAuthException(status, endpoint, error.Message, error.OAuthError),
            _ => new LightspeedApiException(status, endpoint, error.Message) { IsTransient = IsTransient(status, body) },
        };
    }

    /// <summary>Maps a failed token-endpoint response. A 400/401 is a refused grant or client, never retried.</summary>
    /// <param name="status">The status received.</param>
    /// <param name="endpoint">Method and token URL (never the refresh token, which travels in the body).</param>
    /// <param name="body">The response text.</param>
    public static LightspeedApiException FromTokenResponse(HttpStatusCode status, string endpoint, string? body)
    {
        var error = ApiErrorBody.Parse(body);
        if (IsTransient(status, body))
        {
            return new LightspeedApiException(status, endpoint, error.Message) { IsTransient = true };
        }

        return (int)status is >= 400 and < 500
            ? new LightspeedAuthException(status, endpoint, error.Message ?? error.OAuthError, error.OAuthError)
            : new LightspeedApiException(status, endpoint, error.Message);
    }

    /// <summary>Describes a request for messages and logs: method and path, never the query or a token.</summary>
    public static string Describe(HttpMethod method, Uri uri) => $"{method.Method} {uri.AbsolutePath}";
}
