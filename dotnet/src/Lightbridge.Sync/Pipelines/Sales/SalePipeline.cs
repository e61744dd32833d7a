using Lightbridge.Core.Failures;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Planning;
using Lightbridge.Core.Validation;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Rollups;
using Lightbridge.Sync.Sources;

namespace Lightbridge.Sync.Pipelines.Sales;

/// <summary>
/// Sale → <c>Lightspeed_Sale__c</c> with its lines (<c>Lightspeed_Sale_Line__c</c>) and payments
/// (<c>Lightspeed_Payment__c</c>), then the rollups of the parents the batch touched (DESIGN "Data flow").
/// </summary>
/// <remarks>
/// <para>
/// Sales are read by <c>updatetime</c>, sortable like <c>timeStamp</c>, because a void or an edit after completion moves
/// <c>updatetime</c> but not always <c>timeStamp</c> (shared/reference/lightspeed-api.md §9.7); only completed sales
/// are read (an open sale's completion moves <c>updatetime</c> too). <c>SaleVoid</c> is also polled over the same window,
/// for a void that moved neither: its sale is fetched and rewritten as Voided.
/// </para>
/// <para>
/// Each batch loads the sales first (sorted by store), then the lines and payments of the sales written (sorted by
/// sale, the Master-Detail parent each child insert locks): lines that refund another line go in a second call, after
/// the lines they point at exist. A sale counts as written only when its children are and the rollups of its parents
/// are current; a refused child queues its sale, a refused rollup update leaves it pending.
/// A sale whose customer is not in Salesforce yet is not written without it: it is queued as
/// <see cref="SaleErrorCodes.CustomerNotLinked"/> and fetched again at the start of every run until it goes through.
/// The checkpoint advances after the batch, only past sales written or queued.
/// </para>
/// </remarks>
internal sealed partial class SalePipeline : IEntityPipeline
{
    /// <summary>The sort and filter field of incremental sale reads.</summary>
    public const string ChangeField = "updatetime";

    /// <summary>The most values an <c>IN</c> filter takes (shared/reference/lightspeed-api.md, Query operators).</summary>
    public const int MaxIdsPerRequest = 100;

    private const string EntityName = nameof(SyncEntity.Sale);

    /// <summary>Backlog entries recomputed together: every 200 parents of a rollup cost one aggregate query, whatever the chunk.</summary>
    private const int RollupBacklogChunk = 10_000;

    private readonly CompiledMappings _mappings;
    private readonly PipelineServices _services;
    private readonly CustomerLinks _links;
    private readonly RollupCalculator _rollups;
    private readonly StaleChildRemover _staleChildren;

    public SalePipeline(CompiledMappings mappings, PipelineServices services, RollupCalculator rollups)
    {
        _mappings = mappings;
        _services = services;
        _links = new CustomerLinks(services.State);
        _rollups = rollups;
        _staleChildren = new StaleChildRemover(services.Salesforce, services.State, rollups, services.Logger);
    }

    public SyncEntity Entity => SyncEntity.Sale;

    public Task<SyncRunResult> RunAsync(AccountContext account, RunTrigger trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var accountId = account.AccountId.Value;
        var checkpoint = _services.State.Checkpoints.Get(accountId, EntityName);
        var window = ExtractWindow.For(checkpoint, _services.Advancer);
        return RunCoreAsync(account, trigger, window, checkpoint?.Watermark, new SaleRunMode(EntityName), async (run, batch) =>
        {
            Log.RunStarted(_services.Logger, EntityName, accountId, run.RunId, window.ReadFrom);

            // Sales held for their customer go first: the customer run before this one may have linked it by now.
            var held = run.PendingItems.Where(i => i.ErrorCode == SaleErrorCodes.CustomerNotLinked).Select(i => i.LightspeedId).ToList();
            if (held.Count > 0)
            {
                SaleLog.RetryingHeld(_services.Logger, held.Count);
                await FetchAsync(held, batch, run, ct).ConfigureAwait(false);
            }

            await ReadIntoAsync(window.Read(), batch, run, ct).ConfigureAwait(false);

            // A void that moved neither timeStamp nor updatetime: fetch its sale and rewrite it as voided.
            var unseen = run.Voids.Keys.Where(id => !run.Seen.Contains(id)).ToList();
            SaleLog.VoidsRead(_services.Logger, run.Voids.Count, window.ReadFrom, unseen.Count);
            await FetchAsync(unseen, batch, run, ct).ConfigureAwait(false);
        }, readVoids: true, ct);
    }

    /// <summary>
    /// Reads the sales fresh by id and pushes them through the same steps (<c>lightbridge replay</c>, a resync naming a
    /// sale); the checkpoint stays. A sale Lightspeed no longer returns stays queued as missing.
    /// </summary>
    public Task<SyncRunResult> SyncRecordsAsync(AccountContext account, IReadOnlyCollection<LightspeedId> ids, RunTrigger trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(ids);
        var accountId = account.AccountId.Value;
        var watermark = _services.State.Checkpoints.Get(accountId, EntityName)?.Watermark;
        return RunCoreAsync(account, trigger, ExtractWindow.For(null, _services.Advancer), watermark, new SaleRunMode(CheckpointKey: null), async (run, batch) =>
        {
            foreach (var id in ids)
            {
                _services.State.ReplayQueue.MarkRetrying(accountId, EntityName, id);
            }

            await FetchAsync(ids.ToList(), batch, run, ct).ConfigureAwait(false);
            foreach (var missing in ids.Distinct().Where(id => !run.Seen.Contains(id) && !run.Unreadable.Contains(id)))
            {
                _services.State.ReplayQueue.Record(new ReplayFailure(
                    accountId, EntityName, missing, BatchPipeline<Sale>.MissingInLightspeed, $"Sale {accountId}-{missing.Value} is no longer returned by Lightspeed.", null, null, run.RunId));
                run.Tally.Failed++;
            }
        }, readVoids: false, ct);
    }

    /// <summary>
    /// Loads every completed sale changed in [<paramref name="from"/>, <paramref name="to"/>) (backfill, or a resync of a
    /// date range) with a checkpoint of its own per kind, resumable, removed once the window is done.
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
        var key = BatchPipeline<Sale>.WindowCheckpointKey(EntityName, trigger);
        var checkpoint = _services.State.Checkpoints.Get(accountId, key);
        var window = ExtractWindow.ForBackfill(checkpoint, from, _services.Advancer);
        var mode = new SaleRunMode(key, progress, from, to, DeferRollups: true);
        var result = await RunCoreAsync(account, trigger, window, checkpoint?.Watermark, mode, async (run, batch) =>
        {
            Log.RunStarted(_services.Logger, EntityName, accountId, run.RunId, window.ReadFrom);
            await ReadIntoAsync(window.Read(before: to), batch, run, ct).ConfigureAwait(false);
        }, readVoids: true, ct).ConfigureAwait(false);

        if (result.Status is RunStatus.Succeeded or RunStatus.PartiallyFailed)
        {
            _services.State.Checkpoints.Delete(accountId, key);
        }

        return result;
    }

    /// <summary>
    /// One run of any kind: the run log entry, the voids of the window, the body filling batches (processed whenever one
    /// is full), the last batch, and the outcome; a run that dies is logged as failed and the exception goes on.
    /// </summary>
    private async Task<SyncRunResult> RunCoreAsync(
        AccountContext account, RunTrigger trigger, ExtractWindow window, DateTimeOffset? watermark, SaleRunMode mode,
        Func<SaleRun, List<Sale>, Task> body, bool readVoids, CancellationToken ct)
    {
        var state = _services.State;
        var accountId = account.AccountId.Value;
        var lightspeedBefore = _services.Source.RequestsSent;
        var salesforceBefore = _services.Salesforce.Statistics.TotalApiCalls;
        var runId = RunIds.New(EntityName, accountId, _services.Time.GetUtcNow());
        state.Runs.Start(runId, trigger, EntityName);
        var tally = new RunTally { Watermark = watermark, Version = window.AfterVersion };
        try
        {
            var pending = state.ReplayQueue.List(EntityName, pendingOnly: true).Where(i => i.AccountId == accountId).ToList();
            var unreadableIds = new HashSet<LightspeedId>();
            using var unreadable = UnreadableRecordCapture.Start(_services, EntityName, accountId, runId, tally, unreadableIds);
            var voids = readVoids ? await _services.Source.ReadSaleVoidsAsync(window.Read(), ct).ConfigureAwait(false) : new Dictionary<LightspeedId, SaleVoid>();
            var run = new SaleRun(account, runId, window, tally, pending.Select(i => i.LightspeedId).ToHashSet(), voids, mode, pending)
            {
                Unreadable = unreadableIds,
            };
            var batch = new List<Sale>();
            await body(run, batch).ConfigureAwait(false);
            if (batch.Count > 0)
            {
                await ProcessBatchAsync(batch, run, ct).ConfigureAwait(false);
            }

            // The rollups a backfill owes, or a run that died before paying them left.
            await PayRollupBacklogAsync(ct).ConfigureAwait(false);

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
            // As in the other pipelines: a run that died is logged as failed, and the exception decides the exit code.
            Log.RunFailed(_services.Logger, ex, EntityName, runId);
            Finish(runId, RunStatus.Failed, tally, lightspeedBefore, salesforceBefore);
            throw;
        }
    }

    /// <summary>Reads the sales <paramref name="read"/> asks for into the batch, processing it whenever it fills.</summary>
    private async Task ReadIntoAsync(SourceRead read, List<Sale> batch, SaleRun run, CancellationToken ct)
    {
        await foreach (var sale in _services.Source.ReadSalesAsync(read, ct).ConfigureAwait(false))
        {
            run.Tally.Read++;
            run.Seen.Add(sale.Id);
            if (sale.ChangeVersion is { } version)
            {
                run.Versions[sale.Id] = version;
            }

            batch.Add(sale);
            if (batch.Count >= _services.Options.BatchSize)
            {
                await ProcessBatchAsync(batch, run, ct).ConfigureAwait(false);
                batch.Clear();
                if (_services.Stop.Requested)
                {
                    // The batch in hand is committed; the rest is read again by the next run, from the checkpoint.
                    Log.RunStoppedAtBatch(_services.Logger, EntityName, run.RunId);
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Fetches sales by id into the batch (the source splits the ids into requests), processing it whenever it fills;
    /// a sale gone from Lightspeed is left.
    /// </summary>
    private async Task FetchAsync(List<LightspeedId> ids, List<Sale> batch, SaleRun run, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await foreach (var sale in _services.Source.ReadSalesAsync(SourceRead.ByIds(ids.Distinct().ToList()), ct).ConfigureAwait(false))
        {
            run.Tally.Read++;
            run.Seen.Add(sale.Id);
            run.Fetched.Add(sale.Id);
            batch.Add(sale);
            if (batch.Count >= _services.Options.BatchSize)
            {
                await ProcessBatchAsync(batch, run, ct).ConfigureAwait(false);
                batch.Clear();
            }
        }
    }

    private async Task ProcessBatchAsync(List<Sale> batch, SaleRun run, CancellationToken ct)
    {
        var prepared = new List<PreparedSale>();
        foreach (var sale in LatestPerId.Select(batch, s => s.Id))
        {
            var changedAt = sale.UpdatedAt ?? DateTimeOffset.MinValue;
            if (!run.Fetched.Contains(sale.Id) && run.Window.AlreadyHandled(sale.Id, changedAt))
            {
                run.Tally.Skipped++;
                run.Outcomes.Add(new RecordOutcome(sale.Id, changedAt, RecordDisposition.Written));
                continue;
            }

            if (Prepare(sale, changedAt, run) is { } ready)
            {
                prepared.Add(ready);
            }
        }

        if (prepared.Count > 0)
        {
            await LoadAsync(prepared, run, ct).ConfigureAwait(false);
        }

        if (run.Mode.CheckpointKey is { } key)
        {
            AdvanceCheckpoint(run, key);
        }

        if (run.Mode.Progress is { } progress)
        {
            var newest = batch.Max(s => s.UpdatedAt) ?? run.Mode.From;
            var covered = run.Mode is { From: { } from, To: { } to } && newest is { } reached ? Math.Clamp((reached - from) / (to - from), 0, 1) : 0;
            progress.Report(new BackfillProgress(run.Tally.Read, run.Tally.Created + run.Tally.Updated, run.Tally.Failed, newest, covered));
        }
    }

    /// <summary>Normalizes, validates, links and maps one sale with its children; null when it is queued.</summary>
    private PreparedSale? Prepare(Sale sale, DateTimeOffset changedAt, SaleRun run)
    {
        NormalizedSale normalized;
        try
        {
            normalized = SaleNormalizer.Normalize(sale, run.Account, run.Voids.GetValueOrDefault(sale.Id));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Queue(sale, changedAt, SaleErrorCodes.NormalizationFailed, null, $"Sale {sale.Id} could not be normalized: {ex.Message}", RecordDisposition.Queued, run);
            return null;
        }

        var failures = SaleValidator.Validate(normalized);
        foreach (var warning in failures.Where(f => !f.IsBlocking))
        {
            Log.RecordWarning(_services.Logger, EntityName, sale.Id.Value, warning.Rule);
        }

        var blocking = failures.Where(f => f.IsBlocking).ToList();
        if (blocking.Count > 0)
        {
            Queue(sale, changedAt, blocking[0].Rule, blocking[0].Field, string.Join(" ", blocking.Select(f => f.Message)), RecordDisposition.Queued, run);
            return null;
        }

        CustomerLink? customer = null;
        if (normalized.CustomerExternalId is { } customerId)
        {
            customer = _links.Find(customerId);
            if (customer is null)
            {
                Queue(sale, changedAt, SaleErrorCodes.CustomerNotLinked, nameof(Sale.CustomerId),
                    $"Sale {sale.Id}: customer {sale.CustomerId} is not in Salesforce yet; the sale waits for it and is retried on the next run.",
                    RecordDisposition.Queued, run);
                return null;
            }
        }

        try
        {
            return new PreparedSale(
                sale,
                changedAt,
                normalized,
                _mappings.Sale.Map(new SaleMappingSource(normalized, customer)),
                normalized.Lines.Select(_mappings.SaleLine.Map).ToList(),
                _mappings.Payment is { } payment ? normalized.Payments.Select(payment.Map).ToList() : []);
        }
        catch (MappingEvaluationException ex)
        {
            Queue(sale, changedAt, SaleErrorCodes.MappingFailed, ex.Field, ex.Message, RecordDisposition.Queued, run);
            return null;
        }
    }

    private void Queue(Sale sale, DateTimeOffset changedAt, string code, string? field, string message, RecordDisposition disposition, SaleRun run)
    {
        _services.State.ReplayQueue.Record(new ReplayFailure(
            run.Account.AccountId.Value, EntityName, sale.Id, code, message, field, PayloadSnapshot.Of(sale), run.RunId));
        Log.RecordQueued(_services.Logger, EntityName, sale.Id.Value, code);
        run.Tally.Failed++;
        if (disposition == RecordDisposition.Pending)
        {
            run.Tally.Held++;
        }

        run.Outcomes.Add(new RecordOutcome(sale.Id, changedAt, disposition));
    }

    private void AdvanceCheckpoint(SaleRun run, string key)
    {
        RunBookkeeping.AdvanceCheckpoint(_services, EntityName, run.Account.AccountId.Value, key, run.Tally, run.Outcomes, run.Versions);

        // What the stored checkpoint already says need not stay in memory: a long backfill keeps its outcomes flat.
        CheckpointCommit.Prune(run.Outcomes, run.Tally.Watermark);
    }

    /// <summary>
    /// Recomputes the rollups owed in the state file's backlog, <see cref="RollupBacklogChunk"/> entries at a time; the
    /// entries of a parent whose update was refused stay for the next run.
    /// </summary>
    private async Task PayRollupBacklogAsync(CancellationToken ct)
    {
        var backlog = _services.State.RollupBacklog;
        var refused = 0;
        while (backlog.Take(RollupBacklogChunk, refused) is { Count: > 0 } owed)
        {
            await AllowanceGuard.PauseIfSpentAsync(_services.Salesforce, _services.Options, ct).ConfigureAwait(false);
            var (paid, report) = await _rollups.PayAsync(owed, ct).ConfigureAwait(false);
            backlog.RemoveMany(paid);
            refused += owed.Count - paid.Count;
            SaleLog.RollupsDone(_services.Logger, report.ParentsUpdated, report.ParentsFailed, report.Queries);
        }
    }

    private SyncRunResult Finish(string runId, RunStatus status, RunTally tally, long lightspeedBefore, long salesforceBefore) =>
        RunBookkeeping.Finish(_services, Entity, runId, status, tally, lightspeedBefore, salesforceBefore);

    /// <summary>
    /// The checkpoint a run commits (null when reading by id) and, for a window, its dates and progress, and whether its
    /// rollups are owed to the backlog instead of recomputed per batch.
    /// </summary>
    private sealed record SaleRunMode(
        string? CheckpointKey, IProgress<BackfillProgress>? Progress = null, DateTimeOffset? From = null, DateTimeOffset? To = null, bool DeferRollups = false);

    /// <summary>The state of one run that its batches share.</summary>
    private sealed record SaleRun(
        AccountContext Account, string RunId, ExtractWindow Window, RunTally Tally, HashSet<LightspeedId> PendingReplays,
        IReadOnlyDictionary<LightspeedId, SaleVoid> Voids, SaleRunMode Mode, IReadOnlyList<ReplayItem> PendingItems)
    {
        public List<RecordOutcome> Outcomes { get; } = [];

        /// <summary>
        /// Sales read or fetched in this run, as far as a step asks: every one when reading by id (the missing ones are
        /// queued), else only those with a void (a void whose sale was not read is fetched), so a backfill does not
        /// hold every id it read.
        /// </summary>
        public SeenSales Seen { get; } = new(Mode.CheckpointKey is null ? null : Voids);

        /// <summary>Sales the client could not read, already queued as such.</summary>
        public HashSet<LightspeedId> Unreadable { get; init; } = [];

        /// <summary>Sales fetched by id (held or voided): processed even at the watermark second.</summary>
        public HashSet<LightspeedId> Fetched { get; } = [];

        /// <summary>The change version of each sale read from the change feed (X-Series), for the cursor.</summary>
        public Dictionary<LightspeedId, long> Versions { get; } = [];
    }
}
