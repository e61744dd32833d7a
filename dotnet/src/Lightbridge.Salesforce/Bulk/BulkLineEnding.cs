namespace Lightbridge.Salesforce;

/// <summary>
/// The line ending a job declares; every uploaded line must use it, or the whole job fails with
/// <c>ClientInputError : LineEnding is invalid on user data</c> (shared/reference/salesforce-api.md §1.6).
/// </summary>
public enum BulkLineEnding
{
    /// <summary><c>LF</c>, the default and what this client writes.</summary>
    Lf,

    /// <summary><c>CRLF</c>.</summary>
    Crlf,
}
