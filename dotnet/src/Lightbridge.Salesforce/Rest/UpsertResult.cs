namespace Lightbridge.Salesforce;

/// <summary>
/// The outcome of one upsert by external ID, as a value: record-level failures are data for the replay queue,
/// not exceptions (STYLE G10). Calls that cannot go on at all (session, limits, 5xx after retries) still throw.
/// </summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Id">The record's Id when created or updated (may be null for a 204 from old API versions).</param>
/// <param name="Errors">The record's errors when it failed.</param>
public sealed record UpsertResult(UpsertOutcome Outcome, string? Id, IReadOnlyList<RecordError> Errors)
{
    /// <summary>For <see cref="UpsertOutcome.MultipleMatches"/>: the matching records' URLs from the 300 body.</summary>
    public IReadOnlyList<string> MatchingRecordUrls { get; init; } = [];

    /// <summary>Whether the record was written.</summary>
    public bool Success => Outcome is UpsertOutcome.Created or UpsertOutcome.Updated;
}
