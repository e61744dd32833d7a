namespace Lightbridge.Salesforce;

/// <summary>
/// A record-level failure as Salesforce reports it inside a result: <c>{"statusCode","message","fields"}</c>
/// (note <c>statusCode</c>, not the envelope's <c>errorCode</c>; shared/reference/salesforce-api.md §2.4).
/// </summary>
/// <param name="StatusCode">The code, e.g. <c>REQUIRED_FIELD_MISSING</c>, <c>DUPLICATE_VALUE</c>.</param>
/// <param name="Message">The server's message.</param>
/// <param name="Fields">The fields it names; empty when none.</param>
public sealed record RecordError(string StatusCode, string Message, IReadOnlyList<string> Fields)
{
    /// <summary>Whether the failure is a lock conflict worth retrying later (<c>UNABLE_TO_LOCK_ROW</c>, §1.8).</summary>
    public bool IsTransient => string.Equals(StatusCode, SalesforceErrorCodes.UnableToLockRow, StringComparison.Ordinal);
}
