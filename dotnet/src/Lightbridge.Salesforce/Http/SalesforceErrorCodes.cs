namespace Lightbridge.Salesforce;

/// <summary>The Salesforce error codes the client decides on (shared/reference/salesforce-api.md §1.8, §2.4, §2.7, §3.6).</summary>
public static class SalesforceErrorCodes
{
    /// <summary>401: the access token expired or was revoked.</summary>
    public const string InvalidSessionId = "INVALID_SESSION_ID";

    /// <summary>403: the org's API allowance (or a concurrency cap) is spent.</summary>
    public const string RequestLimitExceeded = "REQUEST_LIMIT_EXCEEDED";

    /// <summary>404: no such resource.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Another transaction holds the record's lock: transient.</summary>
    public const string UnableToLockRow = "UNABLE_TO_LOCK_ROW";

    /// <summary>Collections with allOrNone: this record was valid but rolled back because another failed.</summary>
    public const string AllOrNoneOperationRolledBack = "ALL_OR_NONE_OPERATION_ROLLED_BACK";

    /// <summary>Composite with allOrNone: this subrequest was not run because another failed.</summary>
    public const string ProcessingHalted = "PROCESSING_HALTED";

    /// <summary>A published high-volume platform event was queued: reported in <c>errors</c> of a success.</summary>
    public const string OperationEnqueued = "OPERATION_ENQUEUED";
}
