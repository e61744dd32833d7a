namespace Lightbridge.Salesforce.Bulk;

/// <summary>The result files of an ingest job (§1.5).</summary>
internal enum BulkResultFile : byte
{
    /// <summary>No file (a record not placed yet).</summary>
    None,

    /// <summary><c>successfulResults/</c>.</summary>
    Successful,

    /// <summary><c>failedResults/</c>.</summary>
    Failed,

    /// <summary><c>unprocessedrecords/</c>.</summary>
    Unprocessed,
}
