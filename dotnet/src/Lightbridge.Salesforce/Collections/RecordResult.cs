namespace Lightbridge.Salesforce;

/// <summary>
/// The outcome of one record of a Collections upsert, joined back to the input: <see cref="Index"/> is its
/// position in the list the caller passed, and <see cref="ExternalId"/> its key value, so the caller can match
/// outcomes without trusting order. Failures are values here, never exceptions (STYLE G10).
/// </summary>
/// <param name="Index">The record's position in the caller's input list.</param>
/// <param name="ExternalId">The record's external ID value, as sent.</param>
/// <param name="Id">The Salesforce Id; null when the record failed (failed entries omit it, §2.4).</param>
/// <param name="Success">Whether the record was written.</param>
/// <param name="Created">True when created, false when an existing record was updated; null when not reported.</param>
/// <param name="Errors">The record's errors; empty on success.</param>
public sealed record RecordResult(int Index, string ExternalId, string? Id, bool Success, bool? Created, IReadOnlyList<RecordError> Errors)
{
    /// <summary>Whether every error is a lock conflict, so the record may succeed when sent again.</summary>
    public bool IsTransientFailure => !Success && Errors.Count > 0 && Errors.All(e => e.IsTransient);
}
