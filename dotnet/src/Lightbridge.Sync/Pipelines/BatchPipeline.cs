using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Planning;
using Lightbridge.State;
using Lightbridge.Sync.Sources;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// What every entity pipeline does the same way (DESIGN "Data flow"): the run in the local run log, the read from
/// Lightspeed in batches, and after each batch the checkpoint commit and the progress report; a run paused near the API
/// allowance or stopped by a failed call is logged as such. Four kinds of run share it: the incremental pass from the
/// checkpoint, records read by id (replay, a resync naming records), and windows of history (backfill through Bulk API
/// 2.0, a resync of a date range), each window kind with a checkpoint of its own so it resumes after an interruption.
/// A derived pipeline only says how to read its records and what to do with one batch of them.
/// </summary>
/// <typeparam name="TSource">The canonical record read from Lightspeed.</typeparam>
internal abstract class BatchPipeline<TSource> : IEntityPipeline
    where TSource : class
{
    /// <summary>The error code of a queued record that Lightspeed no longer returns when it is read by id.</summary>
    public const string MissingInLightspeed = nameof(MissingInLightspeed);

    protected BatchPipeline(PipelineServices services)
    {
        Services = services;
    }

    public abstract SyncEntity Entity { get; }

    /// <summary>The clients, state, loader and clock of the engine.</summary>
    protected PipelineServices Services { get; }

    /// <summary>The Lightspeed entity name: the checkpoint and replay-queue name, and the resource name.</summary>
    protected string EntityName => Entity.ToString();

    /// <summary>Reads every record <paramref name="read"/> asks for from the account's source, across pages.</summary>
    protected abstract IAsyncEnumerable<TSource> Read(SourceRead read, CancellationToken ct);

    /// <summary>The record's Lightspeed id.</summary>
    protected abstract LightspeedId IdOf(TSource record);

    /// <summary>The record's <c>timeStamp</c>.</summary>
    protected abstract DateTimeOffset? ChangedAtOf(TSource record);

    /// <summary>The record's change version (X-Series); null where the source has none.</summary>
    protected abstract long? VersionOf(TSource record);

    /// <summary>
    /// Writes or queues every record of the batch, adding one outcome per record to <see cref="BatchRun.Outcomes"/>; the
    /// checkpoint commit that follows relies on it.
    /// </summary>
    protected abstract Task ProcessBatchAsync(List<TSource> batch, BatchRun run, CancellationToken ct);

    /// <summary>Work before any read of a run (the customer pipeline refreshes its identity index here).</summary>
    protected virtual Task BeforeRunAsync(BatchRun run, CancellationToken ct) => Task.CompletedTask;

    public Task<SyncRunResult> RunAsync(AccountContext account, RunTrigger trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var checkpoint = Services.State.Checkpoints.Get(account.AccountId.Value, EntityName);
        var window = ExtractWindow.For(checkpoint, Services.Advancer);
        return RunCoreAsync(account, trigger, window, checkpoint?.Watermark, new RunMode(EntityName), async run =>
        {
            Log.RunStarted(Services.Logger, EntityName, run.Account.AccountId.Value, run.RunId, window.ReadFrom);
            await ReadAndProcessAsync(window.Read(), run, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>
    /// Reads the records fresh from Lightspeed by id and pushes them through the same steps (<c>lightbridge replay</c>,
    /// a resync request naming a record). The checkpoint is left alone: these records are older than it or will be read
    /// again by the next pass anyway. A record Lightspeed no longer returns stays queued, as <see cref="MissingInLightspeed"/>.
    /// </summary>
    public Task<SyncRunResult> SyncRecordsAsync(AccountContext account, IReadOnlyCollection<LightspeedId> ids, RunTrigger trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(ids);
        var window = ExtractWindow.For(null, Services.Advancer);
        var watermark = Services.State.Checkpoints.Get(account.AccountId.Value, EntityName)?.Watermark;
        return RunCoreAsync(account, trigger, window, watermark, new RunMode(CheckpointKey: null), async run =>
        {
            var accountId = run.Account.AccountId.Value;
            foreach (var id in ids)
            {
                Services.State.ReplayQueue.MarkRetrying(accountId, EntityName, id);
            }

            var distinct = ids.Distinct().ToList();
            var found = await ReadAndProcessAsync(SourceRead.ByIds(distinct), run, ct).ConfigureAwait(false);
            foreach (var missing in distinct.Where(i => !found.Contains(i) && !run.Unreadable.Contains(i)))
            {
                Services.State.ReplayQueue.Record(new ReplayFailure(
                    accountId, EntityName, missing, MissingInLightspeed, $"{EntityName} {accountId}-{missing.Value} is no longer returned by Lightspeed (deleted, or archived where archived records are not read).", null, null, run.RunId));
                run.Tally.Failed++;
            }
        }, ct);
    }

    /// <summary>
    /// Loads every record changed in [<paramref name="from"/>, <paramref name="to"/>): through Bulk API 2.0 for a backfill
    /// (<c>lightbridge backfill</c>), by batch size for a resync of a date range. Each kind commits its own checkpoint per
    /// batch, so an interrupted one resumes where it stopped; the incremental checkpoint is left alone, and the window's
    /// checkpoint is removed once the window is done.
    /// </summary>
    public async Task<SyncRunResult> SyncWindowAsync(
        AccountContext account, DateTimeOffset from, DateTimeOffset to, RunTrigger trigger, IProgress<BackfillProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (to <= from)
        {
            throw new ArgumentException($"A backfill needs --to ({to:O}) after --from ({from:O}).", nameof(to));
        }

        var accountId = account.AccountId.Value;
        var key = WindowCheckpointKey(EntityName, trigger);
        var checkpoint = Services.State.Checkpoints.Get(accountId, key);
        var window = ExtractWindow.ForBackfill(checkpoint, from, Services.Advancer);
        var mode = new RunMode(key, ForceBulk: trigger == RunTrigger.Backfill, Progress: progress, From: from, To: to);
        var result = await RunCoreAsync(account, trigger, window, checkpoint?.Watermark, mode, async run =>
        {
            Log.RunStarted(Services.Logger, EntityName, accountId, run.RunId, window.ReadFrom);
            await ReadAndProcessAsync(window.Read(before: to), run, ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);

        if (result.Status is RunStatus.Succeeded or RunStatus.PartiallyFailed)
        {
            // Done: the next window of this kind, whatever its dates, starts afresh. Records it queued stay queued.
            Services.State.Checkpoints.Delete(accountId, key);
        }

        return result;
    }

    /// <summary>
    /// The checkpoint name of an entity's window load in progress (<c>Item:backfill</c>, <c>Item:resync</c>), beside its
    /// incremental checkpoint: a resync of a date range never disturbs a backfill in progress, nor the reverse.
    /// </summary>
    public static string WindowCheckpointKey(string entity, RunTrigger trigger) =>
        entity + ":" + (trigger == RunTrigger.Backfill ? "backfill" : trigger.ToString().ToLowerInvariant());

    /// <summary>
    /// Puts a record in the replay queue with a masked snapshot of its payload, and records its outcome for the
    /// checkpoint (a <see cref="RecordDisposition.Pending"/> one holds the checkpoint back).
    /// </summary>
    protected void Queue(TSource source, LightspeedId id, DateTimeOffset changedAt, string code, string? field, string message, RecordDisposition disposition, BatchRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Services.State.ReplayQueue.Record(new ReplayFailure(
            run.Account.AccountId.Value, EntityName, id, code, message, field, PayloadSnapshot.Of(source), run.RunId));
        Log.RecordQueued(Services.Logger, EntityName, id.Value, code);
        run.Tally.Failed++;
        if (disposition == RecordDisposition.Pending)
        {
            run.Tally.Held++;
        }

        run.Outcomes.Add(new RecordOutcome(id, changedAt, disposition));
    }

    /// <summary>Marks a record written: its queue item (if any) resolved, its outcome recorded for the checkpoint.</summary>
    protected void Written(LightspeedId id, DateTimeOffset changedAt, BatchRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.PendingReplays.Remove(id))
        {
            Services.State.ReplayQueue.MarkResolved(run.Account.AccountId.Value, EntityName, id);
        }

        run.Outcomes.Add(new RecordOutcome(id, changedAt, RecordDisposition.Written));
    }

    /// <summary>Stops the run as Paused before a load when the org's API allowance is spent (see <see cref="AllowanceGuard"/>).</summary>
    protected Task PauseIfAllowanceSpentAsync(CancellationToken ct) => AllowanceGuard.PauseIfSpentAsync(Services.Salesforce, Services.Options, ct);

    private async Task<SyncRunResult> RunCoreAsync(
        AccountContext account, RunTrigger trigger, ExtractWindow window, DateTimeOffset? watermark, RunMode mode, Func<BatchRun, Task> body, CancellationToken ct)
    {
        var state = Services.State;
        var accountId = account.AccountId.Value;
        var lightspeedBefore = Services.Source.RequestsSent;
        var salesforceBefore = Services.Salesforce.Statistics.TotalApiCalls;
        var runId = RunIds.New(EntityName, accountId, Services.Time.GetUtcNow());
        state.Runs.Start(runId, trigger, EntityName);
        var tally = new RunTally { Watermark = watermark, Version = window.AfterVersion };
        try
        {
            var run = new BatchRun(account, runId, window, tally, PendingReplays(accountId), mode);
            using var unreadable = UnreadableRecordCapture.Start(Services, EntityName, accountId, runId, tally, run.Unreadable);
            await BeforeRunAsync(run, ct).ConfigureAwait(false);
            await body(run).ConfigureAwait(false);
            var status = tally.Failed > 0 ? RunStatus.PartiallyFailed : RunStatus.Succeeded;
            var result = Finish(runId, status, tally, lightspeedBefore, salesforceBefore);
            Log.RunFinished(Services.Logger, EntityName, status, tally.Read, tally.Skipped, tally.Created, tally.Updated, tally.Failed);
            return result;
        }
        catch (RunPausedException paused)
        {
            Log.RunPaused(Services.Logger, EntityName, runId, paused.UsedShare);
            return Finish(runId, RunStatus.Paused, tally, lightspeedBefore, salesforceBefore);
        }
        catch (Exception ex)
        {
            // The run log must not show a run that died as still running; the exception goes on to the caller, which
            // decides the exit code (STYLE G7: a failed call is a failed run, never "nothing to do").
            Log.RunFailed(Services.Logger, ex, EntityName, runId);
            Finish(runId, RunStatus.Failed, tally, lightspeedBefore, salesforceBefore);
            throw;
        }
    }

    /// <summary>Reads every record <paramref name="sourceRead"/> asks for and processes it batch by batch; returns the ids read.</summary>
    private async Task<HashSet<LightspeedId>> ReadAndProcessAsync(SourceRead sourceRead, BatchRun run, CancellationToken ct)
    {
        var read = new HashSet<LightspeedId>();
        var batch = new List<TSource>();
        await foreach (var record in Read(sourceRead, ct).ConfigureAwait(false))
        {
            run.Tally.Read++;
            read.Add(IdOf(record));
            if (VersionOf(record) is { } version)
            {
                run.Versions[IdOf(record)] = version;
            }

            batch.Add(record);
            if (batch.Count >= Services.Options.BatchSize)
            {
                await ProcessAndCommitAsync(batch, run, ct).ConfigureAwait(false);
                batch.Clear();
                if (Services.Stop.Requested)
                {
                    // The batch in hand is committed; the rest is read again by the next run, from the checkpoint.
                    Log.RunStoppedAtBatch(Services.Logger, EntityName, run.RunId);
                    return read;
                }
            }
        }

        if (batch.Count > 0)
        {
            await ProcessAndCommitAsync(batch, run, ct).ConfigureAwait(false);
        }

        return read;
    }

    private async Task ProcessAndCommitAsync(List<TSource> batch, BatchRun run, CancellationToken ct)
    {
        await ProcessBatchAsync(batch, run, ct).ConfigureAwait(false);
        if (run.Mode.CheckpointKey is { } key)
        {
            AdvanceCheckpoint(run, key);
        }

        if (run.Mode.Progress is { } progress)
        {
            var newest = batch.Max(ChangedAtOf) ?? run.Mode.From;
            progress.Report(new BackfillProgress(run.Tally.Read, run.Tally.Created + run.Tally.Updated, run.Tally.Failed, newest, Covered(run.Mode, newest)));
        }
    }

    /// <summary>The share of a window read, from the newest change time reached (reads come in change-time order).</summary>
    private static double Covered(RunMode mode, DateTimeOffset? newest)
    {
        if (mode.From is not { } from || mode.To is not { } to || newest is not { } reached)
        {
            return 0;
        }

        return Math.Clamp((reached - from) / (to - from), 0, 1);
    }

    private HashSet<LightspeedId> PendingReplays(string accountId) =>
        Services.State.ReplayQueue.List(EntityName, pendingOnly: true)
            .Where(i => i.AccountId == accountId)
            .Select(i => i.LightspeedId)
            .ToHashSet();

    private void AdvanceCheckpoint(BatchRun run, string key) =>
        RunBookkeeping.AdvanceCheckpoint(Services, EntityName, run.Account.AccountId.Value, key, run.Tally, run.Outcomes, run.Versions);

    private SyncRunResult Finish(string runId, RunStatus status, RunTally tally, long lightspeedBefore, long salesforceBefore) =>
        RunBookkeeping.Finish(Services, Entity, runId, status, tally, lightspeedBefore, salesforceBefore);

    /// <summary>
    /// How a run differs by kind: the checkpoint it commits (null: none, as when reading by id), whether it always loads
    /// through Bulk, and for a window its dates and where its progress goes.
    /// </summary>
    protected sealed record RunMode(
        string? CheckpointKey, bool ForceBulk = false, IProgress<BackfillProgress>? Progress = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

    /// <summary>The state of one run that its batches share.</summary>
    protected sealed record BatchRun(AccountContext Account, string RunId, ExtractWindow Window, RunTally Tally, HashSet<LightspeedId> PendingReplays, RunMode Mode)
    {
        /// <summary>What became of each record read, in order: what the checkpoint commit plans from.</summary>
        public List<RecordOutcome> Outcomes { get; } = [];

        /// <summary>Records the client could not read, already queued as such.</summary>
        public HashSet<LightspeedId> Unreadable { get; } = [];

        /// <summary>The change version of each record read, where the source has versions (for the cursor).</summary>
        public Dictionary<LightspeedId, long> Versions { get; } = [];
    }
}
