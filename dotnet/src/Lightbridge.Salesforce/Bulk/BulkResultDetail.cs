namespace Lightbridge.Salesforce;

/// <summary>What a Bulk load reports for the records that went through.</summary>
public enum BulkResultDetail
{
    /// <summary>
    /// The Salesforce Id and whether the record was created, from <c>successfulResults/</c>: one more API call per
    /// job, and a file as large as the upload.
    /// </summary>
    Full = 0,

    /// <summary>
    /// Failures only: a record that went through is reported as a success without its Id or created flag, and
    /// <c>successfulResults/</c> is read only when the job's counts do not say which records failed. For loads by
    /// external ID whose caller needs neither (an upsert is idempotent; the Id is not used afterwards).
    /// </summary>
    FailuresOnly = 1,
}
