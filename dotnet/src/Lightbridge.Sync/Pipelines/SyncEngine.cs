using Lightbridge.Core.Failures;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Planning;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines.Sales;
using Lightbridge.Sync.Rollups;
using Lightbridge.Sync.Normalization;
using Lightbridge.Sync.Pipelines.Customers;
using Lightbridge.Sync.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Runs the pipelines of one Lightspeed account in dependency order (Shop → <c>Lightspeed_Store__c</c>,
/// Item → <c>Product2</c>, ItemShop → <c>Lightspeed_Inventory__c</c>, Customer → <c>Contact</c> or <c>Lead</c>, Sale →
/// <c>Lightspeed_Sale__c</c> with its lines and payments, then the rollups): inventory and sales reference their products
/// and stores by external id, and sales their customers, so those must exist first. Each entity has its own checkpoint,
/// run-log entry and result.
/// </summary>
/// <remarks>
/// A record that fails is queued and the run goes on; a call that cannot go on (Lightspeed or Salesforce refusing or
/// unreachable, a Bulk job failing as a whole) stops the run: the entity is logged as failed with its checkpoint at
/// the last committed batch, the entities after it do not run, and the exception reaches the caller.
/// </remarks>
public sealed class SyncEngine
{
    private readonly IReadOnlyList<IEntityPipeline> _pipelines;
    private readonly Reporting.SalesforceMirror _mirror;
    private readonly StateStore _state;
    private readonly TimeProvider _time;
    private readonly StopSignal _stop;

    /// <summary>Creates an engine over one Lightspeed account and one org.</summary>
    /// <param name="lightspeed">The client of the account to read.</param>
    /// <param name="salesforce">The client of the org to write.</param>
    /// <param name="state">Checkpoints, replay queue, synced-record map and run log.</param>
    /// <param name="mappings">The mappings in force, compiled once at start.</param>
    /// <param name="options">The <c>Sync</c> options; validated here.</param>
    /// <param name="timeProvider">The clock for run ids.</param>
    /// <param name="logger">Where events go; never record values.</param>
    /// <param name="matching">The <c>Matching</c> options of the customer pipeline; validated here. Defaults when null.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem named).</exception>
    public SyncEngine(
        LightspeedClient lightspeed,
        SalesforceClient salesforce,
        StateStore state,
        CompiledMappings mappings,
        SyncOptions options,
        TimeProvider timeProvider,
        ILogger<SyncEngine>? logger = null,
        MatchingOptions? matching = null)
        : this(new RSeriesReader(lightspeed ?? throw new ArgumentNullException(nameof(lightspeed))), salesforce, state, mappings, options, timeProvider, logger, matching)
    {
    }

    /// <summary>Creates an engine over one account of either series (<see cref="ISourceReader"/>) and one org.</summary>
    /// <param name="source">The account to read.</param>
    /// <param name="salesforce">The client of the org to write.</param>
    /// <param name="state">Checkpoints, replay queue, synced-record map and run log.</param>
    /// <param name="mappings">The mappings in force, compiled once at start.</param>
    /// <param name="options">The <c>Sync</c> options; validated here.</param>
    /// <param name="timeProvider">The clock for run ids.</param>
    /// <param name="logger">Where events go; never record values.</param>
    /// <param name="matching">The <c>Matching</c> options of the customer pipeline; validated here. Defaults when null.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem named).</exception>
    public SyncEngine(
        ISourceReader source,
        SalesforceClient salesforce,
        StateStore state,
        CompiledMappings mappings,
        SyncOptions options,
        TimeProvider timeProvider,
        ILogger<SyncEngine>? logger = null,
        MatchingOptions? matching = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(salesforce);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        matching ??= new MatchingOptions();
        matching.Validate();

        var planner = new LoadPathPlanner(options.BulkThreshold);
        Source = source;
        var services = new PipelineServices(
            source,
            salesforce,
            state,
            new RecordLoader(salesforce, planner),
            new CheckpointAdvancer(options.Overlap),
            options,
            timeProvider,
            (ILogger?)logger ?? NullLogger.Instance);
        _state = state;
        _time = timeProvider;
        _stop = services.Stop;
        _mirror = new Reporting.SalesforceMirror(salesforce, state, services.Logger);
        _pipelines =
        [
            new EntityPipeline<Core.Model.Shop, NormalizedShop>(CatalogEntities.Shop(mappings), services),
            new EntityPipeline<Core.Model.Item, NormalizedItem>(
                CatalogEntities.Item(mappings, mappings.StandardPrice is { } price ? new Prices.StandardPrices(price, services) : null), services),
            new EntityPipeline<Core.Model.ItemShop, NormalizedItemShop>(CatalogEntities.ItemShop(mappings), services),
            new CustomerPipeline(services, mappings, matching, new LibPhoneNumberNormalizer()),

            // Sales last: they reference stores, products and customers (by CustomerLinks), and feed the rollups.
            new SalePipeline(mappings, services, new RollupCalculator(salesforce, state, planner, services.Logger)),
        ];
    }

    /// <summary>The account this engine reads.</summary>
    public ISourceReader Source { get; }

    /// <summary>The entities this engine syncs, in the order it runs them.</summary>
    public IReadOnlyList<SyncEntity> Entities => _pipelines.Select(p => p.Entity).ToList();

    /// <summary>
    /// Runs one incremental pass of every entity, in dependency order. A run paused for the org's API allowance ends
    /// the pass there (see <see cref="SyncOptions.PauseAtApiUsage"/>).
    /// </summary>
    /// <param name="account">The account being synced (its id scopes external ids and checkpoints).</param>
    /// <param name="trigger">What started the run, for the run log.</param>
    /// <param name="ct">Stops the run between or during calls; the checkpoint keeps the last committed batch.</param>
    /// <returns>One result per entity, in order.</returns>
    public async Task<IReadOnlyList<SyncRunResult>> RunAsync(AccountContext account, RunTrigger trigger = RunTrigger.Manual, CancellationToken ct = default)
    {
        var results = new List<SyncRunResult>(_pipelines.Count);
        foreach (var pipeline in _pipelines)
        {
            var result = await pipeline.RunAsync(account, trigger, ct).ConfigureAwait(false);
            results.Add(result);
            if (result.Status == RunStatus.Paused)
            {
                // The allowance is as spent for the next entity; it resumes with this one on the next run.
                break;
            }
        }

        return results;
    }

    /// <summary>
    /// Asks runs in progress, and any later ones, to end after the batch in hand: it finishes and commits its
    /// checkpoint, and no further batch is read. A worker told to stop asks this first, and cancels only if the runs
    /// outlast its grace period.
    /// </summary>
    public void StopAfterBatch() => _stop.Request();

    /// <summary>
    /// Brings <c>Lightspeed_Sync_Run__c</c> and <c>Lightspeed_Sync_Error__c</c> in Salesforce up to date with the local run
    /// log and replay queue, and applies admins' Retry and Ignore to the queue. Callers run it after their runs (the
    /// <c>sync</c> verb once at the end, the worker after each scheduled run); runs stay data-only so their write counts
    /// mean records. Never throws for a Salesforce failure: what was not sent is sent next time.
    /// </summary>
    public Task<Reporting.MirrorReport> MirrorAsync(CancellationToken ct = default) => _mirror.SyncAsync(ct);

    /// <summary>
    /// Reprocesses the replay queue (<c>lightbridge replay</c>): every pending item (Open, or Retrying after an admin's
    /// Retry) of the account, optionally one entity and one Lightspeed id, read fresh from Lightspeed and pushed through
    /// its pipeline, entities in dependency order. Upserts by external id mean a replay never creates a second record.
    /// Ignored items are left alone; checkpoints do not move.
    /// </summary>
    /// <returns>One result per entity that had pending items.</returns>
    public async Task<IReadOnlyList<SyncRunResult>> ReplayAsync(
        AccountContext account, SyncEntity? entity = null, Core.Model.LightspeedId? id = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (entity is { } only && _pipelines.All(p => p.Entity != only))
        {
            throw new ArgumentException($"The sync engine does not sync {only} (it syncs {string.Join(", ", Entities)}).", nameof(entity));
        }

        var results = new List<SyncRunResult>();
        foreach (var pipeline in _pipelines.Where(p => entity is null || p.Entity == entity))
        {
            var ids = _state.ReplayQueue.List(pipeline.Entity.ToString(), id, pendingOnly: true)
                .Where(i => i.AccountId == account.AccountId.Value)
                .Select(i => i.LightspeedId)
                .ToList();
            if (ids.Count > 0)
            {
                results.Add(await pipeline.SyncRecordsAsync(account, ids, RunTrigger.Replay, ct).ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>
    /// Backfills one entity (<c>lightbridge backfill --entity E --from DATE [--to DATE]</c>): every record changed in the
    /// window, loaded through Bulk API 2.0 batch by batch with its own checkpoint, so running the same command again
    /// after an interruption resumes where it stopped. The incremental checkpoint is not touched.
    /// </summary>
    /// <exception cref="ArgumentException">This engine does not sync <paramref name="entity"/>, or the window is empty.</exception>
    public Task<SyncRunResult> BackfillAsync(
        SyncEntity entity, AccountContext account, DateTimeOffset from, DateTimeOffset to, IProgress<BackfillProgress>? progress = null, CancellationToken ct = default)
    {
        return Pipeline(entity).SyncWindowAsync(account, from, to, RunTrigger.Backfill, progress, ct);
    }

    /// <summary>
    /// Resyncs what a <c>Lightspeed_Resync_Request__e</c> asked for: the named records of <paramref name="entity"/> read
    /// fresh by id, or every record changed in [<paramref name="from"/>, <paramref name="to"/>), through the same pipeline
    /// as scheduled runs, logged with trigger Resync. Checkpoints of scheduled runs and backfills are not touched.
    /// </summary>
    /// <exception cref="ArgumentException">The engine does not sync the entity, or neither ids nor a window were given.</exception>
    public Task<SyncRunResult> ResyncAsync(
        SyncEntity entity, AccountContext account, IReadOnlyCollection<Core.Model.LightspeedId>? ids, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default)
    {
        var pipeline = Pipeline(entity);
        if (ids is { Count: > 0 })
        {
            return pipeline.SyncRecordsAsync(account, ids, RunTrigger.Resync, ct);
        }

        if (from is { } start)
        {
            return pipeline.SyncWindowAsync(account, start, to ?? _time.GetUtcNow(), RunTrigger.Resync, null, ct);
        }

        throw new ArgumentException("A resync names records or a window.", nameof(ids));
    }

    /// <summary>
    /// Reads the named records of <paramref name="entity"/> fresh from Lightspeed and pushes them through its pipeline,
    /// logged with <paramref name="trigger"/>: <c>reconcile --heal</c> resyncs exactly the sales it found missing or
    /// different this way (trigger Reconcile). Checkpoints are not touched.
    /// </summary>
    /// <exception cref="ArgumentException">The engine does not sync the entity.</exception>
    public Task<SyncRunResult> SyncRecordsAsync(
        SyncEntity entity, AccountContext account, IReadOnlyCollection<Core.Model.LightspeedId> ids, RunTrigger trigger, CancellationToken ct = default) =>
        Pipeline(entity).SyncRecordsAsync(account, ids, trigger, ct);

    private IEntityPipeline Pipeline(SyncEntity entity) =>
        _pipelines.FirstOrDefault(p => p.Entity == entity)
            ?? throw new ArgumentException($"The sync engine does not sync {entity} (it syncs {string.Join(", ", Entities)}).", nameof(entity));

    /// <summary>Runs one incremental pass of one entity (<c>lightbridge sync --entity E</c>).</summary>
    /// <exception cref="ArgumentException">This engine does not sync <paramref name="entity"/>.</exception>
    public Task<SyncRunResult> RunEntityAsync(SyncEntity entity, AccountContext account, RunTrigger trigger = RunTrigger.Manual, CancellationToken ct = default)
    {
        var pipeline = _pipelines.FirstOrDefault(p => p.Entity == entity)
            ?? throw new ArgumentException($"The sync engine does not sync {entity} (it syncs {string.Join(", ", Entities)}).", nameof(entity));
        return pipeline.RunAsync(account, trigger, ct);
    }
}
