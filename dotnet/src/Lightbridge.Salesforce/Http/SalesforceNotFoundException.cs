using System.Net;

namespace Lightbridge.Salesforce;

/// <summary>404 NOT_FOUND: the resource, record, object or API version does not exist.</summary>
public sealed class SalesforceNotFoundException : SalesforceApiException
{
    /// <summary>Creates the exception.</summary>
    public SalesforceNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SalesforceNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SalesforceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed response.</summary>
    /// <param name="statusCode">The HTTP status received.</param>
    /// <param name="endpoint">Method and path of the request.</param>
    /// <param name="errors">The parsed error envelope.</param>
    public SalesforceNotFoundException(HttpStatusCode statusCode, string endpoint, IReadOnlyList<ApiError> errors)
        : base(statusCode, endpoint, errors)
    {
    }
}
