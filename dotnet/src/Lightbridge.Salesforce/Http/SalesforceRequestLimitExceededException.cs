using System.Net;

namespace Lightbridge.Salesforce;

/// <summary>403 REQUEST_LIMIT_EXCEEDED: the org's rolling 24 h API allowance ("TotalRequests Limit exceeded.") or a concurrency cap is spent. Never retried blindly: retrying spends the org's allowance for every other integration too (shared/reference/salesforce-api.md §2.7).</summary>
public sealed class SalesforceRequestLimitExceededException : SalesforceApiException
{
    /// <summary>Creates the exception.</summary>
    public SalesforceRequestLimitExceededException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SalesforceRequestLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SalesforceRequestLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed response.</summary>
    /// <param name="statusCode">The HTTP status received.</param>
    /// <param name="endpoint">Method and path of the request.</param>
    /// <param name="errors">The parsed error envelope.</param>
    public SalesforceRequestLimitExceededException(HttpStatusCode statusCode, string endpoint, IReadOnlyList<ApiError> errors)
        : base(statusCode, endpoint, errors)
    {
    }
}
