using System.Net;

namespace Lightbridge.Salesforce;

/// <summary>401 INVALID_SESSION_ID that persisted after one re-authentication: the session is expired or revoked and a fresh token did not help (shared/reference/salesforce-api.md §2.7).</summary>
public sealed class SalesforceSessionExpiredException : SalesforceApiException
{
    /// <summary>Creates the exception.</summary>
    public SalesforceSessionExpiredException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SalesforceSessionExpiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SalesforceSessionExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed response.</summary>
    /// <param name="statusCode">The HTTP status received.</param>
    /// <param name="endpoint">Method and path of the request.</param>
    /// <param name="errors">The parsed error envelope.</param>
    public SalesforceSessionExpiredException(HttpStatusCode statusCode, string endpoint, IReadOnlyList<ApiError> errors)
        : base(statusCode, endpoint, errors)
    {
    }
}
