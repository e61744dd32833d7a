using System.Net;

namespace Lightbridge.Salesforce;

/// <summary>
/// A Salesforce call that cannot go on: an error response (after any retries it was entitled to), or a
/// response the client could not make sense of. Built in one place, <c>SalesforceErrorMap.FromResponse</c>.
/// Record-level failures of Collections and upserts are values (<see cref="RecordResult"/>,
/// <see cref="UpsertResult"/>), not this.
/// </summary>
public class SalesforceApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SalesforceApiException()
        : this("The Salesforce API call failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SalesforceApiException(string message)
        : base(message)
    {
        Endpoint = string.Empty;
        Errors = [];
        Fields = [];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SalesforceApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Endpoint = string.Empty;
        Errors = [];
        Fields = [];
    }

    /// <summary>Creates the exception for a failed response.</summary>
    /// <param name="statusCode">The HTTP status received.</param>
    /// <param name="endpoint">Method and path of the request (never a token, never the query string).</param>
    /// <param name="errors">The parsed error envelope; may be empty.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SalesforceApiException(HttpStatusCode statusCode, string endpoint, IReadOnlyList<ApiError> errors, Exception? innerException = null)
        : base(Describe(statusCode, endpoint, errors), innerException)
    {
        StatusCode = statusCode;
        Endpoint = endpoint;
        Errors = errors;
        ErrorCode = errors.Count > 0 ? errors[0].ErrorCode : null;
        Fields = errors.Count > 0 ? errors[0].Fields : [];
    }

    /// <summary>Creates the exception for a failed response with a message of the caller's own.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status received.</param>
    /// <param name="endpoint">Method and path (or URL) of the request.</param>
    /// <param name="errors">The parsed error body; may be empty.</param>
    protected SalesforceApiException(string message, HttpStatusCode statusCode, string endpoint, IReadOnlyList<ApiError> errors)
        : base(message)
    {
        StatusCode = statusCode;
        Endpoint = endpoint;
        Errors = errors;
        ErrorCode = errors.Count > 0 ? errors[0].ErrorCode : null;
        Fields = errors.Count > 0 ? errors[0].Fields : [];
    }

    /// <summary>The HTTP status received.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The first error's code, e.g. <c>MALFORMED_QUERY</c>; null when the body carried none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The fields the first error names.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Every entry of the error envelope.</summary>
    public IReadOnlyList<ApiError> Errors { get; }

    /// <summary>Method and path of the request, e.g. <c>PATCH /services/data/v62.0/sobjects/Contact/…</c>.</summary>
    public string Endpoint { get; }

    /// <summary>
    /// Whether the failure is worth retrying: a 5xx, or <c>UNABLE_TO_LOCK_ROW</c> (another transaction holds the
    /// record; shared/reference/salesforce-api.md §1.8).
    /// </summary>
    public bool IsTransient =>
        (int)StatusCode >= 500
        || Errors.Any(e => string.Equals(e.ErrorCode, SalesforceErrorCodes.UnableToLockRow, StringComparison.Ordinal));

    private static string Describe(HttpStatusCode statusCode, string endpoint, IReadOnlyList<ApiError> errors)
    {
        var head = $"Salesforce {endpoint} returned {(int)statusCode} {statusCode}";
        if (errors.Count == 0)
        {
            return head + ".";
        }

        var first = errors[0];
        var fields = first.Fields.Count > 0 ? $" [{string.Join(", ", first.Fields)}]" : string.Empty;
        var more = errors.Count > 1 ? $" (+{errors.Count - 1} more)" : string.Empty;
        return $"{head}: {first.ErrorCode ?? "error"}: {first.Message}{fields}{more}";
    }
}
