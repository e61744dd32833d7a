using System.Net;

namespace Lightbridge.Salesforce;

/// <summary>
/// The token endpoint refused a grant: <c>400 {"error":"invalid_grant","error_description":"…"}</c> and the like
/// (shared/reference/salesforce-api.md §2.1). The message names the grant and the login URL and the server's
/// explanation; never a secret, key, assertion or token. Not transient: retrying a refused grant cannot help.
/// </summary>
public sealed class SalesforceAuthException : SalesforceApiException
{
    /// <summary>Creates the exception.</summary>
    public SalesforceAuthException()
        : this("Salesforce authentication failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SalesforceAuthException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SalesforceAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused token request.</summary>
    /// <param name="flow">The grant that was refused.</param>
    /// <param name="loginUrl">The login URL the grant went to.</param>
    /// <param name="statusCode">The HTTP status received.</param>
    /// <param name="oauthError">The OAuth <c>error</c>, e.g. <c>invalid_grant</c>.</param>
    /// <param name="errorDescription">The OAuth <c>error_description</c>, e.g. <c>audience is invalid</c>.</param>
    public SalesforceAuthException(SalesforceAuthFlow flow, string loginUrl, HttpStatusCode statusCode, string? oauthError, string? errorDescription)
        : base(
            Describe(flow, loginUrl, statusCode, oauthError, errorDescription),
            statusCode,
            $"POST {loginUrl}/services/oauth2/token",
            oauthError is null && errorDescription is null ? [] : [new ApiError(oauthError, errorDescription ?? string.Empty, [])])
    {
        Flow = flow;
        LoginUrl = loginUrl;
        OAuthError = oauthError;
        ErrorDescription = errorDescription;
    }

    /// <summary>The grant that was refused.</summary>
    public SalesforceAuthFlow? Flow { get; }

    /// <summary>The login URL the grant went to.</summary>
    public string? LoginUrl { get; }

    /// <summary>The OAuth <c>error</c> code, e.g. <c>invalid_grant</c>, <c>invalid_client_id</c>.</summary>
    public string? OAuthError { get; }

    /// <summary>The OAuth <c>error_description</c>, e.g. <c>user hasn't approved this consumer</c>.</summary>
    public string? ErrorDescription { get; }

    /// <summary>How a grant is named in messages.</summary>
    internal static string GrantName(SalesforceAuthFlow flow) => flow switch
    {
        SalesforceAuthFlow.JwtBearer => "JWT bearer",
        SalesforceAuthFlow.ClientCredentials => "client credentials",
        SalesforceAuthFlow.RefreshToken => "refresh token",
        _ => flow.ToString(),
    };

    private static string Describe(SalesforceAuthFlow flow, string loginUrl, HttpStatusCode statusCode, string? oauthError, string? errorDescription)
    {
        var head = $"Salesforce {GrantName(flow)} login at {loginUrl} was refused ({(int)statusCode})";
        return (oauthError, errorDescription) switch
        {
            (null, null) => head + ".",
            (_, null) => $"{head}: {oauthError}.",
            (null, _) => $"{head}: {errorDescription}.",
            _ => $"{head}: {oauthError} ({errorDescription}).",
        };
    }
}
