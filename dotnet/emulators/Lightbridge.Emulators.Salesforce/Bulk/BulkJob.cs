using System.Text;

namespace Lightbridge.Emulators.Salesforce.Bulk;

/// <summary>One ingest job: its settings, the uploaded CSV, its state and, once processed, its result rows.</summary>
internal sealed class BulkJob
{
    public required string Id { get; init; }

    public required string Object { get; init; }

    public required BulkOperation Operation { get; init; }

    public string? ExternalIdFieldName { get; init; }

    /// <summary>LF or CRLF.</summary>
    public required string LineEnding { get; init; }

    /// <summary>COMMA, BACKQUOTE, CARET, PIPE, SEMICOLON or TAB.</summary>
    public required string ColumnDelimiter { get; init; }

    public required string ApiVersion { get; init; }

    public required string CreatedById { get; init; }

    public required DateTimeOffset CreatedDate { get; init; }

    public DateTimeOffset SystemModstamp { get; set; }

    public BulkJobState State { get; set; } = BulkJobState.Open;

    public StringBuilder Data { get; } = new();

    public long UploadedBytes { get; set; }

    public DateTimeOffset? UploadCompleteAt { get; set; }

    public string? ErrorMessage { get; set; }

    public int NumberRecordsProcessed { get; set; }

    public int NumberRecordsFailed { get; set; }

    public long TotalProcessingTimeMs { get; set; }

    /// <summary>The header cells as uploaded (echoed in result files).</summary>
    public IReadOnlyList<string> Header { get; set; } = [];

    public List<(string? Id, bool Created, IReadOnlyList<string> Row)> Successes { get; } = [];

    public List<(string? Id, string Error, IReadOnlyList<string> Row)> Failures { get; } = [];

    public List<IReadOnlyList<string>> Unprocessed { get; } = [];

    public bool IsTerminal => State is BulkJobState.JobComplete or BulkJobState.Failed or BulkJobState.Aborted;

    public char Delimiter => BulkCsv.DelimiterOf(ColumnDelimiter);

    public string NewLine => BulkCsv.NewLineOf(LineEnding);
}
