using System.Net;

namespace Lightbridge.Lightspeed;

/// <summary>
/// Lightspeed refused the credentials: the token endpoint answered <c>invalid_grant</c> or
/// <c>invalid_client</c>, an API call stayed 401 after a refresh, or the token lacks a scope (403).
/// The message names the endpoint, never a token.
/// </summary>
public sealed class LightspeedAuthException : LightspeedApiException
{
    /// <summary>Creates the exception.</summary>
    public LightspeedAuthException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LightspeedAuthException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LightspeedAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused request.</summary>
    public LightspeedAuthException(HttpStatusCode statusCode, string endpoint, string? apiMessage, string? oauthError = null)
        : base(statusCode, endpoint, apiMessage)
    {
        OAuthError = oauthError;
    }

    /// <summary>The OAuth <c>error</c> code (<c>invalid_grant</c>, <c>invalid_client</c>, ...) from the token endpoint, if any.</summary>
    public string? OAuthError { get; }
}
