namespace Lightbridge.Salesforce;

/// <summary>
/// A Bulk API 2.0 job ended <c>Failed</c> or <c>Aborted</c>: a job-level problem (a bad header, a line-ending
/// mismatch, too many lock failures…), explained by the server's <c>errorMessage</c>, e.g.
/// <c>InvalidBatch : Field name not found : Name</c> (shared/reference/salesforce-api.md §1.4). Record-level
/// failures never raise this: they leave the job JobComplete and come back as <see cref="RecordResult"/> values.
/// </summary>
public sealed class BulkJobFailedException : SalesforceApiException
{
    /// <summary>Creates the exception.</summary>
    public BulkJobFailedException()
        : this("A Salesforce Bulk job failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BulkJobFailedException(string message)
        : base(message)
    {
        JobId = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public BulkJobFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        JobId = string.Empty;
    }

    /// <summary>Creates the exception for a job that ended badly.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="state">The state it ended in.</param>
    /// <param name="errorMessage">The server's explanation, when it gave one.</param>
    public BulkJobFailedException(string jobId, BulkJobState state, string? errorMessage)
        : base($"Salesforce Bulk job {jobId} ended {state}{(errorMessage is null ? "." : ": " + errorMessage)}")
    {
        JobId = jobId;
        State = state;
        ErrorMessage = errorMessage;
    }

    /// <summary>The job's id.</summary>
    public string JobId { get; }

    /// <summary>The state the job ended in (Failed or Aborted).</summary>
    public BulkJobState State { get; }

    /// <summary>The server's <c>errorMessage</c>, when given.</summary>
    public string? ErrorMessage { get; }

    /// <summary>
    /// The failed job's records joined to the result files the server still gave: records processed before the
    /// failure carry their own result, records it never reached carry <c>UNPROCESSED</c>. Empty when the result
    /// files could not be read.
    /// </summary>
    public IReadOnlyList<RecordResult> Records { get; init; } = [];
}
