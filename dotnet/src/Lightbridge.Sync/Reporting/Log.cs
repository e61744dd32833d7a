using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Reporting;

/// <summary>The log events of the Salesforce mirror (event ids 31xx): counts and keys, never record values.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3101, EventName = "SyncMirrorWritten", Level = LogLevel.Debug,
        Message = "Sync health mirrored to Salesforce: {Errors} errors and {Runs} runs written, {Pulled} admin statuses applied")]
    public static partial void Mirrored(ILogger logger, int errors, int runs, int pulled);

    [LoggerMessage(EventId = 3102, EventName = "SyncMirrorFailed", Level = LogLevel.Warning,
        Message = "Sync health could not be mirrored to Salesforce; it stays in the local state and is sent with the next run")]
    public static partial void MirrorFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3103, EventName = "SyncMirrorRecordRefused", Level = LogLevel.Warning,
        Message = "Salesforce refused {SObject} {Key} with {ErrorCode}; it is sent again with the next run")]
    public static partial void MirrorRecordRefused(ILogger logger, string sObject, string key, string errorCode);
}
