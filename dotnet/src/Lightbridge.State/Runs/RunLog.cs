using System.Globalization;
using LiteDB;

namespace Lightbridge.State;

/// <summary>
/// The local run log (the same facts as <c>Lightspeed_Sync_Run__c</c>) and the API calls made per UTC day.
/// </summary>
public sealed class RunLog
{
    private readonly StateDatabase _db;
    private readonly TimeProvider _time;

    internal RunLog(StateDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
        Runs.EnsureIndex("entity");
        Runs.EnsureIndex("started");
    }

    private ILiteCollection<BsonDocument> Runs => _db.Collection(CollectionNames.Runs);

    private ILiteCollection<BsonDocument> Usage => _db.Collection(CollectionNames.ApiUsage);

    /// <summary>Records the start of a run, now, with status <see cref="RunStatus.Running"/>.</summary>
    /// <exception cref="InvalidOperationException">A run with this id exists already.</exception>
    public RunRecord Start(string runId, RunTrigger trigger, string entity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        var run = new RunRecord(runId, trigger, entity, _time.GetUtcNow(), null, RunStatus.Running, RunCounts.Zero);
        try
        {
            Runs.Insert(ToDocument(run, mirrored: false));
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new InvalidOperationException($"Run '{runId}' was started already.", ex);
        }

        return run;
    }

    /// <summary>
    /// Records the end of a run, now, with its status and counts, and adds its API calls to today's usage, in
    /// one transaction. Calls counted here must not also be passed to <see cref="AddApiCalls"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No run has this id, or it finished already.</exception>
    public RunRecord Finish(string runId, RunStatus status, RunCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (status == RunStatus.Running)
        {
            throw new ArgumentException("A finished run needs a final status.", nameof(status));
        }

        var now = _time.GetUtcNow();
        return _db.InTransaction(() =>
        {
            var run = Get(runId) ?? throw new InvalidOperationException($"Run '{runId}' was never started.");
            if (run.FinishedAt is not null)
            {
                throw new InvalidOperationException($"Run '{runId}' finished already.");
            }

            var finished = run with { FinishedAt = now, Status = status, Counts = counts };
            Runs.Update(ToDocument(finished, mirrored: false));
            AddUsage(now, counts.LightspeedRequests, counts.SalesforceCalls);
            return finished;
        });
    }

    /// <summary>Returns one run, or null.</summary>
    public RunRecord? Get(string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var doc = Runs.FindById(runId);
        return doc is null ? null : FromDocument(doc);
    }

    /// <summary>The last <paramref name="count"/> runs of an entity, newest first.</summary>
    public IReadOnlyList<RunRecord> LastRuns(string entity, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Runs.Query()
            .Where(Query.EQ("$.entity", entity))
            .OrderByDescending("started")
            .Limit(count)
            .ToEnumerable()
            .Select(FromDocument)
            .ToList();
    }

    /// <summary>The last <paramref name="countPerEntity"/> runs of every entity, by entity, newest first.</summary>
    public IReadOnlyList<RunRecord> LastRuns(int countPerEntity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(countPerEntity);
        var entities = Runs.Query().Select("entity").ToEnumerable().Select(d => d["entity"].AsString).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return entities.SelectMany(e => LastRuns(e, countPerEntity)).ToList();
    }

    /// <summary>
    /// Finished runs not yet written to <c>Lightspeed_Sync_Run__c</c>, oldest first, at most <paramref name="max"/>.
    /// </summary>
    public IReadOnlyList<RunRecord> PendingMirror(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return Runs.Find(Query.And(Query.Not("$.mirrored", true), Query.Not("$.finished", BsonValue.Null)))
            .Select(FromDocument)
            .OrderBy(r => r.StartedAt)
            .Take(max)
            .ToList();
    }

    /// <summary>Marks finished runs as written to Salesforce. Returns how many were marked.</summary>
    public int MarkMirrored(IEnumerable<string> runIds)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        return _db.InTransaction(() =>
        {
            var marked = 0;
            foreach (var runId in runIds)
            {
                if (Get(runId) is { FinishedAt: not null } run)
                {
                    Runs.Update(ToDocument(run, mirrored: true));
                    marked++;
                }
            }

            return marked;
        });
    }

    /// <summary>Adds API calls made outside a run (an identity refresh, a health probe) to today's usage.</summary>
    public ApiUsageDay AddApiCalls(int lightspeedRequests, int salesforceCalls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lightspeedRequests);
        ArgumentOutOfRangeException.ThrowIfNegative(salesforceCalls);
        var now = _time.GetUtcNow();
        return _db.InTransaction(() => AddUsage(now, lightspeedRequests, salesforceCalls));
    }

    /// <summary>The usage of one UTC day (zero when nothing was recorded).</summary>
    public ApiUsageDay ApiUsage(DateOnly day)
    {
        var doc = Usage.FindById(DayKey(day));
        return doc is null ? new ApiUsageDay(day, 0, 0) : new ApiUsageDay(day, doc["ls"].AsInt64, doc["sf"].AsInt64);
    }

    /// <summary>The usage of the current UTC day.</summary>
    public ApiUsageDay ApiUsageToday() => ApiUsage(DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));

    private ApiUsageDay AddUsage(DateTimeOffset now, long lightspeedRequests, long salesforceCalls)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var current = ApiUsage(day);
        var next = current with
        {
            LightspeedRequests = current.LightspeedRequests + lightspeedRequests,
            SalesforceCalls = current.SalesforceCalls + salesforceCalls,
        };
        Usage.Upsert(new BsonDocument { ["_id"] = DayKey(day), ["ls"] = next.LightspeedRequests, ["sf"] = next.SalesforceCalls });
        return next;
    }

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static BsonDocument ToDocument(RunRecord run, bool mirrored) => new()
    {
        ["_id"] = run.RunId,
        ["trigger"] = run.Trigger.ToString(),
        ["entity"] = run.Entity,
        ["started"] = StateTime.ToTicks(run.StartedAt),
        ["finished"] = StateTime.ToBson(run.FinishedAt),
        ["status"] = run.Status.ToString(),
        ["read"] = run.Counts.Read,
        ["created"] = run.Counts.Created,
        ["updated"] = run.Counts.Updated,
        ["failed"] = run.Counts.Failed,
        ["lsCalls"] = run.Counts.LightspeedRequests,
        ["sfCalls"] = run.Counts.SalesforceCalls,
        ["mirrored"] = mirrored,
    };

    private static RunRecord FromDocument(BsonDocument doc) => new(
        doc["_id"].AsString,
        Enum.Parse<RunTrigger>(doc["trigger"].AsString),
        doc["entity"].AsString,
        StateTime.FromTicks(doc["started"].AsInt64),
        StateTime.FromBson(doc["finished"]),
        Enum.Parse<RunStatus>(doc["status"].AsString),
        new RunCounts(doc["read"].AsInt32, doc["created"].AsInt32, doc["updated"].AsInt32, doc["failed"].AsInt32, doc["lsCalls"].AsInt32, doc["sfCalls"].AsInt32));
}
