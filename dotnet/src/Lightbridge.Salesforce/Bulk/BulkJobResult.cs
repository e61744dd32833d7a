namespace Lightbridge.Salesforce;

/// <summary>One ingest job of a streamed Bulk load and the results of the records it carried.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Records">
/// One result per record the job carried, in input order; <see cref="RecordResult.Index"/> is the record's position
/// in the caller's stream.
/// </param>
public sealed record BulkJobResult(string JobId, IReadOnlyList<RecordResult> Records);
