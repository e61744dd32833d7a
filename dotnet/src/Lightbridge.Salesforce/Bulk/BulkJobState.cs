namespace Lightbridge.Salesforce;

/// <summary>
/// A Bulk API 2.0 job's state: <c>Open → UploadComplete → InProgress → JobComplete | Failed</c>, or <c>Aborted</c>
/// (shared/reference/salesforce-api.md §1.1). Record failures leave a job <see cref="JobComplete"/>; <see cref="Failed"/>
/// is a job-level problem explained by <c>errorMessage</c> (§1.4).
/// </summary>
public enum BulkJobState
{
    /// <summary>Created; data may be uploaded.</summary>
    Open,

    /// <summary>Closed by the client; queued for processing.</summary>
    UploadComplete,

    /// <summary>Being processed.</summary>
    InProgress,

    /// <summary>Processed; some records may still have failed.</summary>
    JobComplete,

    /// <summary>A job-level failure; the rest of the data was not processed.</summary>
    Failed,

    /// <summary>Aborted by a user or client.</summary>
    Aborted,
}
