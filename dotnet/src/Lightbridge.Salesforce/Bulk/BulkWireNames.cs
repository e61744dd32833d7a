namespace Lightbridge.Salesforce.Bulk;

/// <summary>The one place Bulk API 2.0 vocabulary meets its wire spelling (STYLE G5; shared/reference/salesforce-api.md §1.2).</summary>
internal static class BulkWireNames
{
    public static string ToWire(this BulkOperation operation) => operation switch
    {
        BulkOperation.Insert => "insert",
        BulkOperation.Update => "update",
        BulkOperation.Upsert => "upsert",
        BulkOperation.Delete => "delete",
        BulkOperation.HardDelete => "hardDelete",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    public static string ToWire(this BulkLineEnding lineEnding) => lineEnding switch
    {
        BulkLineEnding.Lf => "LF",
        BulkLineEnding.Crlf => "CRLF",
        _ => throw new ArgumentOutOfRangeException(nameof(lineEnding), lineEnding, null),
    };

    public static string ToWire(this BulkColumnDelimiter delimiter) => delimiter switch
    {
        BulkColumnDelimiter.Comma => "COMMA",
        BulkColumnDelimiter.Backquote => "BACKQUOTE",
        BulkColumnDelimiter.Caret => "CARET",
        BulkColumnDelimiter.Pipe => "PIPE",
        BulkColumnDelimiter.Semicolon => "SEMICOLON",
        BulkColumnDelimiter.Tab => "TAB",
        _ => throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, null),
    };

    public static char ToChar(this BulkColumnDelimiter delimiter) => delimiter switch
    {
        BulkColumnDelimiter.Comma => ',',
        BulkColumnDelimiter.Backquote => '`',
        BulkColumnDelimiter.Caret => '^',
        BulkColumnDelimiter.Pipe => '|',
        BulkColumnDelimiter.Semicolon => ';',
        BulkColumnDelimiter.Tab => '\t',
        _ => throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, null),
    };

    /// <summary>Reads a job state; an unknown name is a protocol error, not a guess.</summary>
    public static BulkJobState ParseState(string? state) => state switch
    {
        "Open" => BulkJobState.Open,
        "UploadComplete" => BulkJobState.UploadComplete,
        "InProgress" => BulkJobState.InProgress,
        "JobComplete" => BulkJobState.JobComplete,
        "Failed" => BulkJobState.Failed,
        "Aborted" => BulkJobState.Aborted,
        _ => throw new SalesforceApiException($"Salesforce returned an unknown Bulk job state '{state}'."),
    };
}
