using Lightbridge.Core.Failures;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Planning;
using Lightbridge.Lightspeed;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// One entity's incremental sync (DESIGN "Data flow"): extract from the checkpoint window, normalize, validate, map,
/// load, then commit the checkpoint, batch by batch, with the run in the local run log. The decisions are made by pure
/// objects (<see cref="ExtractWindow"/>, <see cref="LoadPathPlanner"/>, <see cref="LoadFailureClassifier"/>,
/// <see cref="CheckpointCommit"/>); this class only moves records between them and does the IO. A record that fails is
/// a value put in the replay queue and never stops the batch; a call that cannot go on stops the run, and the
/// checkpoint keeps the last batch committed.
/// </summary>
internal sealed class EntityPipeline<TSource, TNormalized> : IEntityPipeline
    where TSource : class
    where TNormalized : class
{
    /// <summary>The error code of a record the normalizer refused (an id too long for an external id, a bad value).</summary>
    public const string NormalizationFailed = nameof(NormalizationFailed);

    /// <summary>The error code of a record a configured mapping template failed on.</summary>
    public const string MappingFailed = nameof(MappingFailed);

    /// <summary>The error code of a queued record that Lightspeed no longer returns when it is replayed.</summary>
    public const string MissingInLightspeed = nameof(MissingInLightspeed);

    private readonly EntityDefinition<TSource, TNormalized> _definition;
    private readonly PipelineServices _services;

    public EntityPipeline(EntityDefinition<TSource, TNormalized> definition, PipelineServices services)
    {
        _definition = definition;
        _services = services;
    }

    public SyncEntity Entity => _definition.Entity;

    private string EntityName => _definition.LightspeedEntity;

    public Task<SyncRunResult> RunAsync(AccountContext account, RunTrigger trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var checkpoint = _services.State.Checkpoints.Get(account.AccountId.Value, EntityName);
        var window = ExtractWindow.For(checkpoint, _services.Advancer);
        return RunCoreAsync(account, trigger, window, checkpoint?.Watermark, new RunMode(EntityName), async run =>
        {
            Log.RunStarted(_services.Logger, EntityName, run.Account.AccountId.Value, run.RunId, window.ReadFrom);
            await ReadAndProcessAsync(window.Query(EntityDefinition<TSource, TNormalized>.ChangeField, _definition.IncludeArchived), run, ct).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// Reads the records fresh from Lightspeed by id and pushes them through the same steps (<c>lightbridge replay</c>,
    /// a resync request naming a record). The checkpoint is left alone: these records are older than it or will be read again by the next pass anyway. A
    /// record Lightspeed no longer returns stays queued, as <see cref="MissingInLightspeed"/>.
    /// </summary>
    public Task<SyncRunResult> SyncRecordsAsync(AccountContext account, IReadOnlyCollection<LightspeedId> ids, RunTrigger trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(ids);
        var window = ExtractWindow.For(null, _services.Advancer);
        var watermark = _services.State.Checkpoints.Get(account.AccountId.Value, EntityName)?.Watermark;
        return RunCoreAsync(account, trigger, window, watermark, new RunMode(CheckpointKey: null), async run =>
        {
            var accountId = run.Account.AccountId.Value;
            foreach (var id in ids)
            {
                _services.State.ReplayQueue.MarkRetrying(accountId, EntityName, id);
            }

            foreach (var chunk in ids.Distinct().Chunk(LightspeedQuery.MaxLimit))
            {
                var query = new LightspeedQuery().Where(_definition.IdField, FilterOperator.In, chunk.Select(i => i.Value).ToArray());
                if (_definition.IncludeArchived)
                {
                    query.Archived(ArchivedFilter.Include);
                }

                var found = await ReadAndProcessAsync(query, run, ct).ConfigureAwait(false);
                foreach (var missing in chunk.Where(i => !found.Contains(i)))
                {
                    _services.State.ReplayQueue.Record(new ReplayFailure(
                        accountId, EntityName, missing, MissingInLightspeed, $"{EntityName} {accountId}-{missing.Value} is no longer returned by Lightspeed (deleted, or archived where archived records are not read).", null, null, run.RunId));
                    run.Tally.Failed++;
                }
            }
        });
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
        var checkpoint = _services.State.Checkpoints.Get(accountId, key);
        var window = ExtractWindow.ForBackfill(checkpoint, from, _services.Advancer);
        var mode = new RunMode(key, ForceBulk: trigger == RunTrigger.Backfill, Progress: progress, From: from, To: to);
        var result = await RunCoreAsync(account, trigger, window, checkpoint?.Watermark, mode, async run =>
        {
            Log.RunStarted(_services.Logger, EntityName, accountId, run.RunId, window.ReadFrom);
            var query = window.Query(EntityDefinition<TSource, TNormalized>.ChangeField, _definition.IncludeArchived)
                .Where(EntityDefinition<TSource, TNormalized>.ChangeField, FilterOperator.LessThan, to);
            await ReadAndProcessAsync(query, run, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);

        if (result.Status is RunStatus.Succeeded or RunStatus.PartiallyFailed)
        {
            // Done: the next backfill of this entity, whatever its window, starts afresh. Records it queued stay queued.
            _services.State.Checkpoints.Delete(accountId, key);
        }

        return result;
    }

    /// <summary>
    /// The checkpoint name of an entity's window load in progress (<c>Item:backfill</c>, <c>Item:resync</c>), beside its
    /// incremental checkpoint: a resync of a date range never disturbs a backfill in progress, nor the reverse.
    /// </summary>
    public static string WindowCheckpointKey(string entity, RunTrigger trigger) =>
        entity + ":" + (trigger == RunTrigger.Backfill ? "backfill" : trigger.ToString().ToLowerInvariant());

    private async Task<SyncRunResult> RunCoreAsync(
        AccountContext account, RunTrigger trigger, ExtractWindow window, DateTimeOffset? watermark, RunMode mode, Func<BatchRun, Task> body)
    {
        var state = _services.State;
        var accountId = account.AccountId.Value;
        var lightspeedBefore = _services.Lightspeed.Statistics.RequestsSent;
        var salesforceBefore = _services.Salesforce.Statistics.TotalApiCalls;
        var runId = RunIds.New(EntityName, accountId, _services.Time.GetUtcNow());
        state.Runs.Start(runId, trigger, EntityName);
        var tally = new RunTally { Watermark = watermark };
        try
        {
            var run = new BatchRun(account, runId, window, tally, PendingReplays(accountId), mode);
            await body(run).ConfigureAwait(false);
            var status = tally.Failed > 0 ? RunStatus.PartiallyFailed : RunStatus.Succeeded;
            var result = Finish(runId, status, tally, lightspeedBefore, salesforceBefore);
            Log.RunFinished(_services.Logger, EntityName, status, tally.Read, tally.Skipped, tally.Created, tally.Updated, tally.Failed);
            return result;
        }
        catch (RunPausedException paused)
        {
            Log.RunPaused(_services.Logger, EntityName, runId, paused.UsedShare);
            return Finish(runId, RunStatus.Paused, tally, lightspeedBefore, salesforceBefore);
        }
        catch (Exception ex)
        {
            // The run log must not show a run that died as still running; the exception goes on to the caller, which
            // decides the exit code (STYLE G7: a failed call is a failed run, never "nothing to do").
            Log.RunFailed(_services.Logger, ex, EntityName, runId);
            Finish(runId, RunStatus.Failed, tally, lightspeedBefore, salesforceBefore);
            throw;
        }
    }

    /// <summary>Reads every record of <paramref name="query"/> and processes it batch by batch; returns the ids read.</summary>
    private async Task<HashSet<LightspeedId>> ReadAndProcessAsync(LightspeedQuery query, BatchRun run, CancellationToken ct)
    {
        var read = new HashSet<LightspeedId>();
        var batch = new List<TSource>();
        await foreach (var record in _definition.Read(_services.Lightspeed, query, ct).ConfigureAwait(false))
        {
            run.Tally.Read++;
            read.Add(_definition.IdOf(record));
            batch.Add(record);
            if (batch.Count >= _services.Options.BatchSize)
            {
                await ProcessBatchAsync(batch, run, ct).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await ProcessBatchAsync(batch, run, ct).ConfigureAwait(false);
        }

        return read;
    }

    private HashSet<LightspeedId> PendingReplays(string accountId) =>
        _services.State.ReplayQueue.List(EntityName, pendingOnly: true)
            .Where(i => i.AccountId == accountId)
            .Select(i => i.LightspeedId)
            .ToHashSet();

    private async Task ProcessBatchAsync(List<TSource> batch, BatchRun run, CancellationToken ct)
    {
        var toLoad = new List<Prepared>();
        foreach (var source in LatestPerId.Select(batch, _definition.IdOf))
        {
            var id = _definition.IdOf(source);

            // A record without a timestamp sorts first and can never move the checkpoint; Lightspeed always sends one.
            var changedAt = _definition.ChangedAtOf(source) ?? DateTimeOffset.MinValue;
            if (run.Window.AlreadyHandled(id, changedAt))
            {
                run.Tally.Skipped++;
                run.Outcomes.Add(new RecordOutcome(id, changedAt, RecordDisposition.Written));
                continue;
            }

            if (Prepare(source, id, changedAt, run) is { } prepared)
            {
                toLoad.Add(prepared);
            }
        }

        if (_definition.ParentKey is { } parentKey)
        {
            toLoad = ParentOrdering.SortByParent(toLoad, p => parentKey(p.Normalized)).ToList();
        }

        if (toLoad.Count > 0)
        {
            await PauseIfAllowanceSpentAsync(ct).ConfigureAwait(false);

            var report = await _services.Loader.LoadAsync(toLoad.Select(p => p.Record).ToList(), ct, run.Mode.ForceBulk).ConfigureAwait(false);
            Commit(toLoad, report, run);
        }

        if (run.Mode.CheckpointKey is { } key)
        {
            AdvanceCheckpoint(run, key);
        }

        if (run.Mode.Progress is { } progress)
        {
            var newest = batch.Max(r => _definition.ChangedAtOf(r)) ?? run.Mode.From;
            progress.Report(new BackfillProgress(run.Tally.Read, run.Tally.Created + run.Tally.Updated, run.Tally.Failed, newest, Covered(run.Mode, newest)));
        }
    }

    /// <summary>The share of a backfill's window read, from the newest change time reached (read in time order).</summary>
    private static double Covered(RunMode mode, DateTimeOffset? newest)
    {
        if (mode.From is not { } from || mode.To is not { } to || newest is not { } reached)
        {
            return 0;
        }

        return Math.Clamp((reached - from) / (to - from), 0, 1);
    }

    /// <summary>
    /// Stops the run (as Paused) before a load when the org's API allowance is past <see cref="SyncOptions.PauseAtApiUsage"/>.
    /// Before the load, not after: nothing of the batch is written, so the checkpoint stays where it is. A reading past
    /// the threshold may be old (the allowance rolls over, or an admin raised it), so it is refreshed with one
    /// <c>/limits</c> call before the run stops on it; a client that stopped calling would otherwise never see it drop.
    /// </summary>
    private async Task PauseIfAllowanceSpentAsync(CancellationToken ct)
    {
        var threshold = _services.Options.PauseAtApiUsage;
        if (_services.Salesforce.Statistics.LastApiUsage is not { } last || last.HighestFraction < threshold)
        {
            return;
        }

        var limits = await _services.Salesforce.GetLimitsAsync(ct).ConfigureAwait(false);
        // The org-wide figure of /limits is current; the header of its response may also carry the per-app share.
        var header = _services.Salesforce.Statistics.LastApiUsage;
        var share = limits.DailyApiRequests is { Max: > 0 } daily
            ? Math.Max((double)(daily.Max - daily.Remaining) / daily.Max, header?.PerApp?.Fraction ?? 0)
            : header?.HighestFraction ?? 0;

        if (share >= threshold)
        {
            throw new RunPausedException(share);
        }
    }

    /// <summary>Normalizes, validates and maps one record; null when it is queued or has nothing to write.</summary>
    private Prepared? Prepare(TSource source, LightspeedId id, DateTimeOffset changedAt, BatchRun run)
    {
        TNormalized? normalized;
        try
        {
            normalized = _definition.Normalize(source, run.Account);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Queue(source, id, changedAt, NormalizationFailed, RecordFailure.WholeRecord, $"{EntityName} {id} could not be normalized: {ex.Message}", RecordDisposition.Queued, run);
            return null;
        }

        if (normalized is null)
        {
            // Nothing to write (the all-shops stock row): done as far as the checkpoint is concerned.
            run.Tally.Skipped++;
            run.Outcomes.Add(new RecordOutcome(id, changedAt, RecordDisposition.Written));
            return null;
        }

        var failures = _definition.Validate(normalized);
        foreach (var warning in failures.Where(f => !f.IsBlocking))
        {
            Log.RecordWarning(_services.Logger, EntityName, id.Value, warning.Rule);
        }

        var blocking = failures.Where(f => f.IsBlocking).ToList();
        if (blocking.Count > 0)
        {
            // The queue keeps one item per record: the first rule broken is its code, every message is kept.
            Queue(source, id, changedAt, blocking[0].Rule, blocking[0].Field, string.Join(" ", blocking.Select(f => f.Message)), RecordDisposition.Queued, run);
            return null;
        }

        try
        {
            return new Prepared(source, id, changedAt, normalized, _definition.Mapping.Map(normalized));
        }
        catch (MappingEvaluationException ex)
        {
            Queue(source, id, changedAt, MappingFailed, ex.Field, ex.Message, RecordDisposition.Queued, run);
            return null;
        }
    }

    private void Commit(List<Prepared> loaded, LoadReport report, BatchRun run)
    {
        var written = new List<KeyValuePair<string, string>>();
        var created = 0;
        var updated = 0;
        var failed = 0;
        for (var i = 0; i < loaded.Count; i++)
        {
            var item = loaded[i];
            var result = report.Results[i];
            if (result.Success)
            {
                if (result.Created == true)
                {
                    created++;
                }
                else
                {
                    updated++;
                }

                if (result.Id is { } salesforceId)
                {
                    written.Add(KeyValuePair.Create(item.Record.ExternalId.Value, salesforceId));
                }

                if (run.PendingReplays.Remove(item.Id))
                {
                    _services.State.ReplayQueue.MarkResolved(run.Account.AccountId.Value, EntityName, item.Id);
                }

                run.Outcomes.Add(new RecordOutcome(item.Id, item.ChangedAt, RecordDisposition.Written));
                continue;
            }

            failed++;
            var code = result.Errors.Count > 0 ? result.Errors[0].StatusCode : "UNKNOWN";
            var fields = result.Errors.SelectMany(e => e.Fields).Distinct(StringComparer.Ordinal).ToList();
            var message = string.Join(" ", result.Errors.Select(e => $"{e.StatusCode}: {e.Message}"));
            Queue(item.Source, item.Id, item.ChangedAt, code, fields.Count > 0 ? string.Join(",", fields) : null, message, LoadFailureClassifier.Classify(result), run);
        }

        if (written.Count > 0)
        {
            _services.State.SyncedRecords.SetMany(loaded[0].Record.ObjectName, written);
        }

        run.Tally.Created += created;
        run.Tally.Updated += updated;
        run.Tally.LoadPaths.Add(report.Path);
        Log.BatchLoaded(_services.Logger, loaded.Count, EntityName, report.Path, created, updated, failed);
    }

    private void Queue(TSource source, LightspeedId id, DateTimeOffset changedAt, string code, string? field, string message, RecordDisposition disposition, BatchRun run)
    {
        _services.State.ReplayQueue.Record(new ReplayFailure(
            run.Account.AccountId.Value, EntityName, id, code, message, field, PayloadSnapshot.Of(source), run.RunId));
        Log.RecordQueued(_services.Logger, EntityName, id.Value, code);
        run.Tally.Failed++;
        if (disposition == RecordDisposition.Pending)
        {
            run.Tally.Held++;
        }

        run.Outcomes.Add(new RecordOutcome(id, changedAt, disposition));
    }

    /// <summary>
    /// Called after every record of the batch is written or queued, so the checkpoint never passes a record that is in
    /// neither place (DESIGN "Data flow" step 6).
    /// </summary>
    private void AdvanceCheckpoint(BatchRun run, string key)
    {
        if (CheckpointCommit.Plan(run.Tally.Watermark, run.Outcomes) is not { } update)
        {
            return;
        }

        var stored = _services.State.Checkpoints.Advance(run.Account.AccountId.Value, key, update.Watermark, update.IdsAtWatermark);
        run.Tally.CheckpointAdvanced |= update.Advanced;
        run.Tally.Watermark = stored.Watermark;
        if (update.HeldBy is { } heldBy)
        {
            Log.CheckpointHeld(_services.Logger, EntityName, stored.Watermark, heldBy);
        }
    }

    private SyncRunResult Finish(string runId, RunStatus status, RunTally tally, long lightspeedBefore, long salesforceBefore)
    {
        var lightspeedRequests = (int)(_services.Lightspeed.Statistics.RequestsSent - lightspeedBefore);
        var salesforceCalls = (int)(_services.Salesforce.Statistics.TotalApiCalls - salesforceBefore);
        _services.State.Runs.Finish(runId, status, new RunCounts(tally.Read, tally.Created, tally.Updated, tally.Failed, lightspeedRequests, salesforceCalls));
        return new SyncRunResult(
            Entity, runId, status, tally.Read, tally.Skipped, tally.Created, tally.Updated, tally.Failed, tally.Held,
            tally.LoadPaths.ToList(), tally.Watermark, tally.CheckpointAdvanced, lightspeedRequests, salesforceCalls);
    }

    /// <summary>A record ready to load, with what the commit needs to know about it.</summary>
    private sealed record Prepared(TSource Source, LightspeedId Id, DateTimeOffset ChangedAt, TNormalized Normalized, SalesforceRecord Record);

    /// <summary>The state of one run that its batches share.</summary>
    /// <summary>
    /// How a run differs by kind: the checkpoint it commits (null: none, as in a replay), whether it always loads through
    /// Bulk, and for a backfill its window and where its progress goes.
    /// </summary>
    private sealed record RunMode(
        string? CheckpointKey, bool ForceBulk = false, IProgress<BackfillProgress>? Progress = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

    private sealed record BatchRun(AccountContext Account, string RunId, ExtractWindow Window, RunTally Tally, HashSet<LightspeedId> PendingReplays, RunMode Mode)
    {
        public List<RecordOutcome> Outcomes { get; } = [];
    }
}
