namespace Lightbridge.Salesforce;

/// <summary>The outcome of a Bulk API 2.0 load: one result per input record, and the jobs that carried them.</summary>
/// <param name="JobIds">The ingest jobs, one per upload part, in order.</param>
/// <param name="Records">One result per input record, by input position, joined on the key column (never on row order).</param>
public sealed record BulkLoadResult(IReadOnlyList<string> JobIds, IReadOnlyList<RecordResult> Records);
