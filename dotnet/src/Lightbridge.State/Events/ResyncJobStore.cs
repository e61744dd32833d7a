using System.Globalization;
using Lightbridge.Core.Model;
using LiteDB;

namespace Lightbridge.State;

/// <summary>
/// The durable queue of resync jobs, fed by <c>/event/Lightspeed_Resync_Request__e</c> and by operators.
/// </summary>
/// <remarks>
/// Ordering contract with the event replay id: a job must be durable before the replay id of its event is
/// stored. <see cref="EnqueueFromEvent"/> writes both in one LiteDB transaction (the job first), so after a
/// crash either both exist or neither does, and in the latter case the subscriber resumes from the older replay
/// id and receives the event again. An event received twice (a replay from an older id) is recognised by its
/// (channel, replay id) and not queued a second time.
/// </remarks>
public sealed class ResyncJobStore
{
    private readonly StateDatabase _db;
    private readonly TimeProvider _time;
    private readonly EventReplayIdStore _replayIds;

    internal ResyncJobStore(StateDatabase db, TimeProvider time, EventReplayIdStore replayIds)
    {
        _db = db;
        _time = time;
        _replayIds = replayIds;
        Collection.EnsureIndex("status");
        Collection.EnsureIndex("eventKey");
    }

    /// <summary>Test seam: runs between the job insert and the replay id write, inside the transaction.</summary>
    internal Action? AfterJobInserted { get; set; }

    private ILiteCollection<BsonDocument> Collection => _db.Collection(CollectionNames.ResyncJobs);

    /// <summary>Queues a job that did not come from an event (an operator's request).</summary>
    public ResyncJob Enqueue(ResyncRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _db.InTransaction(() => Insert(request, null, null));
    }

    /// <summary>
    /// Queues the job of a resync event and then stores <paramref name="replayId"/> as the channel's replay id,
    /// in one transaction. An event whose (channel, replay id) was queued before returns the existing job, and
    /// the stored replay id still moves to it.
    /// </summary>
    public ResyncJob EnqueueFromEvent(string channel, long replayId, ResyncRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(request);
        return _db.InTransaction(() =>
        {
            // 1. The job, durable within this transaction...
            var existing = Collection.FindOne(Query.EQ("$.eventKey", EventKey(channel, replayId)));
            var job = existing is null ? Insert(request, channel, replayId) : FromDocument(existing);
            AfterJobInserted?.Invoke();

            // 2. ...and only then the replay id, committed together with it.
            _replayIds.Set(channel, replayId);
            return job;
        });
    }

    /// <summary>
    /// Takes the oldest queued job: marks it <see cref="ResyncJobStatus.Running"/>, stamps its start and counts
    /// the attempt. Returns null when nothing is queued.
    /// </summary>
    public ResyncJob? TakeNext() =>
        _db.InTransaction(() =>
        {
            var doc = Collection.Query()
                .Where(Query.EQ("$.status", nameof(ResyncJobStatus.Queued)))
                .OrderBy("_id")
                .FirstOrDefault();
            if (doc is null)
            {
                return null;
            }

            var job = FromDocument(doc);
            var taken = job with { Status = ResyncJobStatus.Running, StartedAt = _time.GetUtcNow(), Attempts = job.Attempts + 1 };
            Collection.Update(ToDocument(taken));
            return taken;
        });

    /// <summary>Marks a job done. Returns false when there is no such job.</summary>
    public bool MarkDone(long id) => Finish(id, ResyncJobStatus.Done, null);

    /// <summary>Marks a job failed with the reason. Returns false when there is no such job.</summary>
    public bool MarkFailed(long id, string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return Finish(id, ResyncJobStatus.Failed, error);
    }

    /// <summary>
    /// Puts jobs left <see cref="ResyncJobStatus.Running"/> by a process that died back in the queue; call it once
    /// at start-up, before taking jobs. Returns how many were requeued.
    /// </summary>
    public int RequeueInterrupted() =>
        _db.InTransaction(() =>
        {
            var running = Collection.Find(Query.EQ("$.status", nameof(ResyncJobStatus.Running))).Select(FromDocument).ToList();
            foreach (var job in running)
            {
                Collection.Update(ToDocument(job with { Status = ResyncJobStatus.Queued }));
            }

            return running.Count;
        });

    /// <summary>Returns one job, or null.</summary>
    public ResyncJob? Get(long id)
    {
        var doc = Collection.FindById(id);
        return doc is null ? null : FromDocument(doc);
    }

    /// <summary>Jobs in enqueue order, optionally only those with one status.</summary>
    public IReadOnlyList<ResyncJob> List(ResyncJobStatus? status = null)
    {
        var documents = status is { } s ? Collection.Find(Query.EQ("$.status", s.ToString())) : Collection.FindAll();
        return documents.Select(FromDocument).OrderBy(j => j.Id).ToList();
    }

    /// <summary>How many jobs have the status.</summary>
    public int Count(ResyncJobStatus status) => Collection.Count(Query.EQ("$.status", status.ToString()));

    private ResyncJob Insert(ResyncRequest request, string? channel, long? replayId)
    {
        var doc = ToDocument(new ResyncJob(0, request, channel, replayId, ResyncJobStatus.Queued, _time.GetUtcNow(), null, null, 0, null));
        doc.Remove("_id");
        var id = Collection.Insert(doc);
        return FromDocument(Collection.FindById(id));
    }

    private bool Finish(long id, ResyncJobStatus status, string? error) =>
        _db.InTransaction(() =>
        {
            var job = Get(id);
            if (job is null)
            {
                return false;
            }

            Collection.Update(ToDocument(job with { Status = status, FinishedAt = _time.GetUtcNow(), Error = error }));
            return true;
        });

    private static string EventKey(string channel, long replayId) =>
        channel + "|" + replayId.ToString(CultureInfo.InvariantCulture);

    private static BsonDocument ToDocument(ResyncJob job) => new()
    {
        ["_id"] = job.Id,
        ["scope"] = job.Request.Scope.ToString(),
        ["lsid"] = job.Request.LightspeedId is { } id ? new BsonValue(id.Value) : BsonValue.Null,
        ["from"] = StateTime.ToBson(job.Request.From),
        ["to"] = StateTime.ToBson(job.Request.To),
        ["reason"] = job.Request.Reason is null ? BsonValue.Null : new BsonValue(job.Request.Reason),
        ["channel"] = job.Channel is null ? BsonValue.Null : new BsonValue(job.Channel),
        ["replayId"] = job.ReplayId is { } r ? new BsonValue(r) : BsonValue.Null,
        ["eventKey"] = job.Channel is not null && job.ReplayId is { } k ? new BsonValue(EventKey(job.Channel, k)) : BsonValue.Null,
        ["status"] = job.Status.ToString(),
        ["enqueued"] = StateTime.ToTicks(job.EnqueuedAt),
        ["started"] = StateTime.ToBson(job.StartedAt),
        ["finished"] = StateTime.ToBson(job.FinishedAt),
        ["attempts"] = job.Attempts,
        ["error"] = job.Error is null ? BsonValue.Null : new BsonValue(job.Error),
    };

    private static ResyncJob FromDocument(BsonDocument doc) => new(
        doc["_id"].AsInt64,
        new ResyncRequest(
            Enum.Parse<ResyncScope>(doc["scope"].AsString),
            doc["lsid"].IsNull ? null : new LightspeedId(doc["lsid"].AsString),
            StateTime.FromBson(doc["from"]),
            StateTime.FromBson(doc["to"]),
            doc["reason"].IsNull ? null : doc["reason"].AsString),
        doc["channel"].IsNull ? null : doc["channel"].AsString,
        doc["replayId"].IsNull ? null : doc["replayId"].AsInt64,
        Enum.Parse<ResyncJobStatus>(doc["status"].AsString),
        StateTime.FromTicks(doc["enqueued"].AsInt64),
        StateTime.FromBson(doc["started"]),
        StateTime.FromBson(doc["finished"]),
        doc["attempts"].AsInt32,
        doc["error"].IsNull ? null : doc["error"].AsString);
}
