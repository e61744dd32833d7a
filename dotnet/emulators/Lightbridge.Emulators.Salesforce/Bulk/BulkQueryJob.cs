namespace Lightbridge.Emulators.Salesforce.Bulk;

/// <summary>A Bulk API 2.0 query job: the statement, its state, and once run its rows as CSV lines.</summary>
internal sealed class BulkQueryJob
{
    public required string Id { get; init; }

    public required string Object { get; init; }

    public required string Query { get; init; }

    /// <summary>query or queryAll.</summary>
    public required string Operation { get; init; }

    public required string LineEnding { get; init; }

    public required string ColumnDelimiter { get; init; }

    public required string ApiVersion { get; init; }

    public required string CreatedById { get; init; }

    public required DateTimeOffset CreatedDate { get; init; }

    public DateTimeOffset SystemModstamp { get; set; }

    public BulkJobState State { get; set; } = BulkJobState.UploadComplete;

    public string? ErrorMessage { get; set; }

    public IReadOnlyList<string> Header { get; set; } = [];

    public IReadOnlyList<IReadOnlyList<string?>> Rows { get; set; } = [];

    public long TotalProcessingTimeMs { get; set; }
}
