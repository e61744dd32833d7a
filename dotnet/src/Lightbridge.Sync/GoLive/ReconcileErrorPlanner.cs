using System.Globalization;
using Lightbridge.Core.Reconciliation;

namespace Lightbridge.Sync.GoLive;

/// <summary>
/// Decides the <c>Lightspeed_Sync_Error__c</c> records a reconciliation leaves (pure): one Open error per sale that
/// differs and per store-day whose figures differ with no sale to explain it, each on a key stable across runs so a
/// second run updates it; and Resolved for every earlier reconciliation error of the window that no longer differs.
/// An error an admin set to Ignored stays Ignored.
/// </summary>
internal static class ReconcileErrorPlanner
{
    public const string StoreDayKeyPrefix = "Reconcile:StoreDay:";

    public const string StoreDayCode = "StoreDayTotals";

    private const string Open = "Open";
    private const string Resolved = "Resolved";
    private const string Ignored = "Ignored";

    /// <summary>The error key of a store-day: account, day and store, so a later run of the same window finds it.</summary>
    public static string StoreDayKey(string accountId, StoreDayComparison day) =>
        string.Create(CultureInfo.InvariantCulture, $"{StoreDayKeyPrefix}{accountId}:{day.Day:yyyy-MM-dd}:{day.Store}");

    /// <summary>The records to upsert on <c>Error_Key__c</c>.</summary>
    /// <param name="accountId">The Lightspeed account reconciled.</param>
    /// <param name="window">The window reconciled.</param>
    /// <param name="result">What the reconciliation found.</param>
    /// <param name="existing">The account's earlier reconciliation errors, by key.</param>
    /// <param name="runId">The run that found them.</param>
    /// <param name="now">The time of the run.</param>
    public static List<IReadOnlyDictionary<string, object?>> Plan(
        string accountId, ReconcileWindow window, ReconciliationResult result, IReadOnlyDictionary<string, ExistingError> existing, string runId, DateTimeOffset now)
    {
        var records = new List<IReadOnlyDictionary<string, object?>>();
        var current = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var difference in result.Differences)
        {
            current.Add(difference.ErrorKey);
            records.Add(Error(difference.ErrorKey, difference.ExternalId, difference.Kind.ToString(), difference.Detail, existing, runId, now));
        }

        var explained = result.Differences.Select(d => (d.Store, Day: (d.Lightspeed ?? d.Salesforce)!.Day)).ToHashSet();
        foreach (var day in result.DifferingDays.Where(d => !explained.Contains((d.Store, d.Day))))
        {
            var key = StoreDayKey(accountId, day);
            current.Add(key);
            records.Add(Error(key, day.Store, StoreDayCode, Describe(day), existing, runId, now));
        }

        foreach (var (key, error) in existing)
        {
            if (error.Status is Resolved or Ignored || current.Contains(key) || !InScope(key, accountId, window, result))
            {
                continue;
            }

            records.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Error_Key__c"] = key,
                ["Status__c"] = Resolved,
                ["Last_Seen__c"] = now,
                ["Run_Id__c"] = runId,
            });
        }

        return records;
    }

    /// <summary>Whether an earlier error concerns what this run checked: a sale it saw, or a store-day of its window.</summary>
    public static bool InScope(string key, string accountId, ReconcileWindow window, ReconciliationResult result)
    {
        if (key.StartsWith(SaleDifference.ErrorKeyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // A sale no side returned this time is out of the window (or gone from both): its error is left alone.
            return result.SalesChecked.Contains(key[SaleDifference.ErrorKeyPrefix.Length..]);
        }

        var parts = key.Split(':', 5);
        return parts.Length == 5
            && key.StartsWith(StoreDayKeyPrefix, StringComparison.OrdinalIgnoreCase)
            && parts[2] == accountId
            && DateOnly.TryParseExact(parts[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day >= window.From && day <= window.To
            && (window.Store is null || string.Equals(parts[4], $"{accountId}-{window.Store}", StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, object?> Error(
        string key, string lightspeedId, string code, string message, IReadOnlyDictionary<string, ExistingError> existing, string runId, DateTimeOffset now)
    {
        existing.TryGetValue(key, out var before);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Error_Key__c"] = key,
            ["Entity__c"] = "Sale",
            ["Lightspeed_Id__c"] = lightspeedId.Length <= 64 ? lightspeedId : lightspeedId[..64],
            ["Error_Code__c"] = code,
            ["Message__c"] = message,
            ["Status__c"] = before?.Status == Ignored ? Ignored : Open,
            ["Attempts__c"] = (before?.Status is null or Resolved ? 0 : before.Attempts) + 1,
            ["First_Seen__c"] = before?.Status is null or Resolved ? now : before.FirstSeen ?? now,
            ["Last_Seen__c"] = now,
            ["Run_Id__c"] = runId,
        };
    }

    private static string Describe(StoreDayComparison day)
    {
        var ours = day.Lightspeed;
        var theirs = day.Salesforce;
        return string.Create(CultureInfo.InvariantCulture,
            $"Store {day.Store} on {day.Day:yyyy-MM-dd}: Lightspeed {ours?.Receipts ?? 0} receipts, revenue {ours?.Revenue ?? 0:0.00}, tax {ours?.Tax ?? 0:0.00}, refunds {ours?.Refunds ?? 0:0.00}; "
            + $"Salesforce {theirs?.Receipts ?? 0} receipts, revenue {theirs?.Revenue ?? 0:0.00}, tax {theirs?.Tax ?? 0:0.00}, refunds {theirs?.Refunds ?? 0:0.00}.");
    }
}

/// <summary>An earlier reconciliation error as Salesforce holds it.</summary>
/// <param name="Status">Its <c>Status__c</c>.</param>
/// <param name="Attempts">Its <c>Attempts__c</c>: how many runs found it.</param>
/// <param name="FirstSeen">Its <c>First_Seen__c</c>.</param>
internal sealed record ExistingError(string? Status, int Attempts, DateTimeOffset? FirstSeen);
