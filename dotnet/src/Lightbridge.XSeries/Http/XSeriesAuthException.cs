using System.Net;

namespace Lightbridge.XSeries;

/// <summary>
/// The account refused our credentials: a 401 that stayed after one refresh, a 403, or a token endpoint that refused
/// the refresh token (<c>invalid_grant</c>: the connection must be authorised again).
/// </summary>
public sealed class XSeriesAuthException : XSeriesApiException
{
    /// <summary>Creates the exception.</summary>
    public XSeriesAuthException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public XSeriesAuthException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public XSeriesAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused request.</summary>
    /// <param name="statusCode">The HTTP status received.</param>
    /// <param name="endpoint">Method and path (never a token).</param>
    /// <param name="apiMessage">The server's explanation.</param>
    /// <param name="oauthError">The OAuth <c>error</c> code, e.g. <c>invalid_grant</c>.</param>
    public XSeriesAuthException(HttpStatusCode statusCode, string endpoint, string? apiMessage, string? oauthError)
        : base(statusCode, endpoint, apiMessage)
    {
        OAuthError = oauthError;
    }

    /// <summary>The OAuth <c>error</c> code, when the token endpoint sent one.</summary>
    public string? OAuthError { get; }
}
