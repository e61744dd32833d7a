using Microsoft.Extensions.Logging;

namespace Lightbridge.Salesforce;

/// <summary>
/// Every log event of the Salesforce client (event ids 2xxx, STYLE G13). No event carries a token, a secret, a
/// key, a query string (SOQL can hold emails) or record data: endpoints are method and path only.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, EventName = "SalesforceTokenIssued", Level = LogLevel.Information,
        Message = "Salesforce session obtained (renewal: {Renewal}) for instance {Instance}")]
    public static partial void TokenIssued(ILogger logger, bool renewal, string instance);

    [LoggerMessage(EventId = 2002, EventName = "SalesforceSessionRejected", Level = LogLevel.Information,
        Message = "Salesforce {Endpoint} answered 401; renewing the session once and retrying")]
    public static partial void SessionRejected(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 2003, EventName = "SalesforceTransientRetry", Level = LogLevel.Warning,
        Message = "Salesforce request failed transiently (attempt {Attempt}); retrying in {DelayMs} ms")]
    public static partial void TransientRetry(ILogger logger, Exception? exception, int attempt, double delayMs);

    [LoggerMessage(EventId = 2004, EventName = "SalesforceApiUsagePause", Level = LogLevel.Warning,
        Message = "Salesforce API usage {Usage} passed {ThresholdPercent}% of the allowance; pausing calls for {PauseSeconds} s")]
    public static partial void ApiUsagePause(ILogger logger, string usage, double thresholdPercent, double pauseSeconds);

    [LoggerMessage(EventId = 2005, EventName = "SalesforceQueryPageRead", Level = LogLevel.Debug,
        Message = "Salesforce query page {Page} read with {RecordCount} records of {TotalSize}")]
    public static partial void QueryPageRead(ILogger logger, int page, int recordCount, long totalSize);

    [LoggerMessage(EventId = 2006, EventName = "SalesforceCollectionChunkUpserted", Level = LogLevel.Debug,
        Message = "Salesforce Collections upsert of {RecordCount} {SObject} records: {Succeeded} succeeded, {Failed} failed")]
    public static partial void CollectionChunkUpserted(ILogger logger, string sObject, int recordCount, int succeeded, int failed);

    [LoggerMessage(EventId = 2007, EventName = "SalesforceLockRetry", Level = LogLevel.Information,
        Message = "Salesforce Collections upsert: {RecordCount} {SObject} records hit UNABLE_TO_LOCK_ROW; retrying them in {DelayMs} ms (round {Round})")]
    public static partial void LockRetry(ILogger logger, string sObject, int recordCount, double delayMs, int round);

    [LoggerMessage(EventId = 2008, EventName = "SalesforceBulkJobClosed", Level = LogLevel.Information,
        Message = "Salesforce Bulk job {JobId} uploaded ({RecordCount} records, {Bytes} bytes) and closed")]
    public static partial void BulkJobClosed(ILogger logger, string jobId, int recordCount, int bytes);

    [LoggerMessage(EventId = 2009, EventName = "SalesforceBulkJobCompleted", Level = LogLevel.Information,
        Message = "Salesforce Bulk job {JobId} complete: {Succeeded} succeeded, {Failed} failed, {Unprocessed} unprocessed")]
    public static partial void BulkJobCompleted(ILogger logger, string jobId, int succeeded, int failed, int unprocessed);

    [LoggerMessage(EventId = 2010, EventName = "SalesforceBulkJobAborted", Level = LogLevel.Warning,
        Message = "Salesforce Bulk job {JobId} aborted because the load was cancelled or failed")]
    public static partial void BulkJobAborted(ILogger logger, string jobId);

    [LoggerMessage(EventId = 2011, EventName = "SalesforceBulkAbortFailed", Level = LogLevel.Warning,
        Message = "Salesforce Bulk job {JobId} could not be aborted")]
    public static partial void BulkAbortFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 2012, EventName = "SalesforceStreamingConnectionLost", Level = LogLevel.Warning,
        Message = "Streaming connection for {Channel} lost; reconnecting in {DelayMs} ms")]
    public static partial void StreamingConnectionLost(ILogger logger, Exception exception, string channel, double delayMs);

    [LoggerMessage(EventId = 2013, EventName = "SalesforceStreamingRehandshake", Level = LogLevel.Information,
        Message = "Streaming client for {Channel} unknown to Salesforce ({Reason}); handshaking again and resubscribing after replay id {ReplayId}")]
    public static partial void StreamingRehandshake(ILogger logger, string channel, string reason, long replayId);

    [LoggerMessage(EventId = 2014, EventName = "SalesforceStreamingSessionRenewed", Level = LogLevel.Information,
        Message = "Streaming session for {Channel} refused (401); renewing the session and resubscribing after replay id {ReplayId}")]
    public static partial void StreamingSessionRenewed(ILogger logger, string channel, long replayId);

    [LoggerMessage(EventId = 2015, EventName = "SalesforceBulkResultsUnavailable", Level = LogLevel.Warning,
        Message = "Salesforce Bulk job {JobId} failed and its result files could not be read")]
    public static partial void BulkResultsUnavailable(ILogger logger, Exception exception, string jobId);
}
