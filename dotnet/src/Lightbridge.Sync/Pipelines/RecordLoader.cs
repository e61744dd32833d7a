using Lightbridge.Core.Mapping;
using Lightbridge.Core.Planning;
using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Upserts a batch of mapped records of one object by external id, through the path <see cref="LoadPathPlanner"/>
/// picks: sObject Collections under the threshold, Bulk API 2.0 at or above it. Results come back joined to the input
/// by external id (the client never trusts row order), placed by input position here.
/// </summary>
internal sealed class RecordLoader
{
    /// <summary>How many jobs one Bulk load may take when jobs fail from transient faults.</summary>
    private const int BulkJobAttempts = 3;

    private readonly SalesforceClient _salesforce;
    private readonly LoadPathPlanner _planner;

    public RecordLoader(SalesforceClient salesforce, LoadPathPlanner planner)
    {
        _salesforce = salesforce;
        _planner = planner;
    }

    /// <summary>Loads <paramref name="records"/>, all of one object and external-id field.</summary>
    /// <param name="records">The records.</param>
    /// <param name="ct">Cancels the load (a Bulk job in hand is aborted).</param>
    /// <param name="forceBulk">Bulk API 2.0 whatever the batch size: what backfills use.</param>
    /// <param name="detail">
    /// What a Bulk load reports for records that went through: <see cref="BulkResultDetail.FailuresOnly"/> when the caller
    /// needs neither their Salesforce ids nor whether they were created (the Collections path reports both anyway).
    /// </param>
    /// <exception cref="SalesforceApiException">A call could not go on (the run stops; nothing is committed for the batch).</exception>
    public async Task<LoadReport> LoadAsync(
        IReadOnlyList<SalesforceRecord> records, CancellationToken ct, bool forceBulk = false, BulkResultDetail detail = BulkResultDetail.Full)
    {
        var path = forceBulk ? LoadPath.Bulk : _planner.Plan(records.Count).Path;
        if (records.Count == 0)
        {
            return new LoadReport(path, []);
        }

        var objectName = records[0].ObjectName;
        var keyField = records[0].ExternalIdField;
        if (records.Any(r => r.ObjectName != objectName || r.ExternalIdField != keyField))
        {
            throw new ArgumentException("A batch holds records of one object and external-id field.", nameof(records));
        }

        var results = path == LoadPath.Bulk
            ? await BulkUpsertAsync(objectName, keyField, new FieldMapView(records), detail, ct).ConfigureAwait(false)
            : await _salesforce.UpsertCollectionAsync(objectName, keyField, records.Select(r => r.ToFields()).ToList(), allOrNone: false, ct).ConfigureAwait(false);

        var byPosition = new RecordResult[records.Count];
        foreach (var result in results)
        {
            byPosition[result.Index] = result;
        }

        return new LoadReport(path, byPosition);
    }

    /// <summary>
    /// One Bulk upsert, run again as a new job when a step of the job in hand fails from a transient fault. The client
    /// retries each idempotent request, but a job is a sequence (create, upload, close, poll, results) that cannot be
    /// resumed midway; an upsert by external id is idempotent as a whole, so a fresh job is safe, whatever the failed
    /// one had already applied.
    /// </summary>
    private async Task<IReadOnlyList<RecordResult>> BulkUpsertAsync(
        string objectName, string keyField, IReadOnlyList<IReadOnlyDictionary<string, object?>> fields, BulkResultDetail detail, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await _salesforce.BulkLoadAsync(objectName, BulkOperation.Upsert, fields, keyField, detail, ct).ConfigureAwait(false)).Records;
            }
            catch (Exception ex) when (attempt < BulkJobAttempts && (ex is SalesforceApiException { IsTransient: true } or HttpRequestException))
            {
                // Next attempt: a new job.
            }
        }
    }
}
