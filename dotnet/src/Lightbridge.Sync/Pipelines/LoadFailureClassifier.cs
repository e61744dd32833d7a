using Lightbridge.Core.Planning;
using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Decides what a Salesforce record failure does to the checkpoint (pure). A failure that may pass on its own (a lock
/// conflict the client already retried, a Bulk row the job never reached) is queued for visibility and stays
/// <see cref="RecordDisposition.Pending"/>, so the checkpoint holds and the next run reads the record again. Any other
/// failure needs the data or the org fixed: it is <see cref="RecordDisposition.Queued"/> and waits for a replay, and the
/// checkpoint passes it (DESIGN "Data flow" step 6).
/// </summary>
internal static class LoadFailureClassifier
{
    // The codes BulkResultJoiner gives rows a job left unprocessed or did not report (Lightbridge.Salesforce/Bulk).
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        SalesforceErrorCodes.UnableToLockRow,
        "UNPROCESSED",
        "NO_RESULT",
    };

    /// <summary>The disposition of a failed record.</summary>
    public static RecordDisposition Classify(RecordResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Success)
        {
            return RecordDisposition.Written;
        }

        return result.Errors.Count > 0 && result.Errors.All(e => TransientCodes.Contains(e.StatusCode))
            ? RecordDisposition.Pending
            : RecordDisposition.Queued;
    }
}
