namespace Lightbridge.Emulators.Salesforce.Bulk;

/// <summary>The Bulk API 2.0 ingest job states (reference section 1.1), written on the wire by name.</summary>
internal enum BulkJobState
{
    Open,
    UploadComplete,
    InProgress,
    JobComplete,
    Failed,
    Aborted,
}
