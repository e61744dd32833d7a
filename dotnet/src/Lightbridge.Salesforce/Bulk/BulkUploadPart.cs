namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// What one job's upload carried, filled in while its CSV is written: where it starts in the caller's input, each
/// record's key (to join the results on), the bytes sent, and a failure of the caller's data met while writing.
/// </summary>
/// <param name="firstIndex">The input position of the part's first record.</param>
internal sealed class BulkUploadPart(int firstIndex)
{
    public int FirstIndex { get; } = firstIndex;

    public List<string> Keys { get; } = [];

    public int Count => Keys.Count;

    public long Bytes { get; set; }

    /// <summary>Whether writing has begun once: a second write is a resend, which starts the part over.</summary>
    public bool Started { get; set; }

    /// <summary>
    /// The caller's mistake that stopped the upload (a record without its key, a value that cannot be written):
    /// the HTTP stack wraps exceptions thrown while a body is sent, so the workflow rethrows this one instead.
    /// </summary>
    public Exception? Failure { get; set; }
}
