using System.Text.Json;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Reconciliation;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Sync.GoLive;

/// <summary>
/// <c>lightbridge reconcile</c>'s two halves: <see cref="CompareAsync"/> reads a window of sales from both systems and
/// compares them (store-day figures and every sale by external id), and <see cref="ReportAsync"/> leaves the result in
/// Salesforce for admins: one <c>Lightspeed_Sync_Run__c</c> with trigger Reconcile, and one
/// <c>Lightspeed_Sync_Error__c</c> per difference, resolved once a later run no longer finds it.
/// </summary>
public sealed class SalesReconciliation
{
    private const string ErrorObject = "Lightspeed_Sync_Error__c";
    private const string RunObject = "Lightspeed_Sync_Run__c";

    private readonly SalesforceClient _salesforce;
    private readonly LightspeedClient _lightspeed;
    private readonly LightspeedSalesReader _lightspeedSales;
    private readonly SalesforceSalesReader _salesforceSales;
    private readonly TimeProvider _time;

    /// <summary>Creates a reconciliation over one account and one org.</summary>
    public SalesReconciliation(LightspeedClient lightspeed, SalesforceClient salesforce, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(lightspeed);
        ArgumentNullException.ThrowIfNull(salesforce);
        ArgumentNullException.ThrowIfNull(time);
        _lightspeed = lightspeed;
        _salesforce = salesforce;
        _time = time;
        _lightspeedSales = new LightspeedSalesReader(lightspeed);
        _salesforceSales = new SalesforceSalesReader(salesforce);
    }

    /// <summary>Reads the window from both systems and compares it; writes nothing.</summary>
    /// <exception cref="ArgumentException">The window is invalid (the message names the option).</exception>
    public async Task<ReconcileRun> CompareAsync(AccountContext account, ReconcileWindow window, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(window);
        if (window.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(window));
        }

        var startedAt = _time.GetUtcNow();
        var lightspeedBefore = _lightspeed.Statistics.RequestsSent;
        var salesforceBefore = _salesforce.Statistics.TotalApiCalls;
        var accountId = account.AccountId.Value;
        var ours = await _lightspeedSales.ReadAsync(account, window, ct).ConfigureAwait(false);
        var theirs = await _salesforceSales.ReadSalesAsync(accountId, window, ct).ConfigureAwait(false);
        var totals = await _salesforceSales.ReadTotalsAsync(accountId, window, ours.Concat(theirs).Select(s => s.Day), ct).ConfigureAwait(false);
        var result = SalesReconciler.Compare(ours, theirs, totals);
        var calls = (int)(_lightspeed.Statistics.RequestsSent - lightspeedBefore + _salesforce.Statistics.TotalApiCalls - salesforceBefore);
        return new ReconcileRun(RunIds.New("Reconcile", accountId, startedAt), accountId, window, result, ours.Count, startedAt, calls);
    }

    /// <summary>
    /// Upserts the run and its errors into Salesforce, and resolves the window's earlier errors that no longer differ.
    /// Returns how many errors are open after it.
    /// </summary>
    /// <exception cref="ReconcileReportRefusedException">Salesforce refused a record (the package is missing or out of date).</exception>
    public async Task<int> ReportAsync(ReconcileRun run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var now = _time.GetUtcNow();
        var existing = await ExistingErrorsAsync(run.AccountId, ct).ConfigureAwait(false);
        var errors = ReconcileErrorPlanner.Plan(run.AccountId, run.Window, run.Result, existing, run.RunId, now);
        if (errors.Count > 0)
        {
            Refused(await _salesforce.UpsertCollectionAsync(ErrorObject, "Error_Key__c", errors, allOrNone: false, ct).ConfigureAwait(false));
        }

        var open = errors.Count(e => e.TryGetValue("Status__c", out var status) && (string?)status == "Open");
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Run_Id__c"] = run.RunId,
            ["Trigger__c"] = "Reconcile",
            ["Entity__c"] = "Sale",
            ["Started_At__c"] = run.StartedAt,
            ["Finished_At__c"] = now,
            ["Status__c"] = run.Result.IsEqual ? "Succeeded" : "PartiallyFailed",
            ["Records_Read__c"] = run.LightspeedSales,
            ["Records_Created__c"] = 0,
            ["Records_Updated__c"] = 0,
            ["Records_Failed__c"] = run.Result.Differences.Count + run.Result.DifferingDays.Count,
            ["Api_Calls__c"] = run.ApiCalls,
        };
        Refused(await _salesforce.UpsertCollectionAsync(RunObject, "Run_Id__c", [fields], allOrNone: false, ct).ConfigureAwait(false));
        return open;
    }

    private async Task<Dictionary<string, ExistingError>> ExistingErrorsAsync(string accountId, CancellationToken ct)
    {
        var soql = $"SELECT Error_Key__c, Status__c, Attempts__c, First_Seen__c FROM {ErrorObject} WHERE (Error_Key__c LIKE {Soql.Quote(SaleDifference.ErrorKeyPrefix + accountId + "-%")} "
            + $"OR Error_Key__c LIKE {Soql.Quote(ReconcileErrorPlanner.StoreDayKeyPrefix + accountId + ":%")})";
        var existing = new Dictionary<string, ExistingError>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in _salesforce.QueryAsync(soql, ct).ConfigureAwait(false))
        {
            if (IdentityEntryFactory.Text(row, "Error_Key__c") is { } key)
            {
                var attempts = row.TryGetProperty("Attempts__c", out var value) && value.ValueKind == JsonValueKind.Number ? (int)value.GetDecimal() : 0;
                var firstSeen = IdentityEntryFactory.Text(row, "First_Seen__c") is { } text ? IdentityEntryFactory.Instant(text) : (DateTimeOffset?)null;
                existing[key] = new ExistingError(IdentityEntryFactory.Text(row, "Status__c"), attempts, firstSeen);
            }
        }

        return existing;
    }

    private static void Refused(IReadOnlyList<RecordResult> results)
    {
        var refused = results.Where(r => !r.Success).ToList();
        if (refused.Count > 0)
        {
            var first = refused[0].Errors.Count > 0 ? $"{refused[0].Errors[0].StatusCode}: {refused[0].Errors[0].Message}" : "no reason given";
            throw new ReconcileReportRefusedException($"Salesforce refused {refused.Count} reconciliation record(s) ({refused[0].ExternalId}: {first}).");
        }
    }
}

/// <summary>One comparison of a window: what was found, and what the run record reports.</summary>
/// <param name="RunId">The <c>Run_Id__c</c> of the run.</param>
/// <param name="AccountId">The Lightspeed account.</param>
/// <param name="Window">The days and store compared.</param>
/// <param name="Result">What the comparison found.</param>
/// <param name="LightspeedSales">Sales read from Lightspeed.</param>
/// <param name="StartedAt">When the comparison started.</param>
/// <param name="ApiCalls">Lightspeed and Salesforce calls it made.</param>
public sealed record ReconcileRun(string RunId, string AccountId, ReconcileWindow Window, ReconciliationResult Result, int LightspeedSales, DateTimeOffset StartedAt, int ApiCalls)
{
    /// <summary>The Lightspeed ids of the sales a heal resyncs: those missing in Salesforce or different there.</summary>
    public IReadOnlyList<Core.Model.LightspeedId> SalesToHeal =>
        Result.Differences
            .Where(d => d.Kind is SaleDifferenceKind.MissingInSalesforce or SaleDifferenceKind.DifferentValues)
            .Select(d => new Core.Model.LightspeedId(d.ExternalId[(AccountId.Length + 1)..]))
            .ToList();
}

/// <summary>Salesforce refused a reconciliation run or error record: the package in the org is missing or out of date.</summary>
public sealed class ReconcileReportRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReconcileReportRefusedException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public ReconcileReportRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public ReconcileReportRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
