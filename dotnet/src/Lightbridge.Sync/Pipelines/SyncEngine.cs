using Lightbridge.Core.Failures;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Planning;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Normalization;
using Lightbridge.Sync.Pipelines.Customers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Runs the pipelines of one Lightspeed account in dependency order (Shop → <c>Lightspeed_Store__c</c>,
/// Item → <c>Product2</c>, ItemShop → <c>Lightspeed_Inventory__c</c>, Customer → <c>Contact</c> or <c>Lead</c>):
/// inventory references its product and store by external id, so they must exist first, and sales need their customers. Each entity has its own checkpoint, run-log entry and result.
/// </summary>
/// <remarks>
/// A record that fails is queued and the run goes on; a call that cannot go on (Lightspeed or Salesforce refusing or
/// unreachable, a Bulk job failing as a whole) stops the run: the entity is logged as failed with its checkpoint at
/// the last committed batch, the entities after it do not run, and the exception reaches the caller.
/// </remarks>
public sealed class SyncEngine
{
    private readonly IReadOnlyList<IEntityPipeline> _pipelines;

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
    {
        ArgumentNullException.ThrowIfNull(lightspeed);
        ArgumentNullException.ThrowIfNull(salesforce);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        matching ??= new MatchingOptions();
        matching.Validate();

        var services = new PipelineServices(
            lightspeed,
            salesforce,
            state,
            new RecordLoader(salesforce, new LoadPathPlanner(options.BulkThreshold)),
            new CheckpointAdvancer(options.Overlap),
            options,
            timeProvider,
            (ILogger?)logger ?? NullLogger.Instance);
        _pipelines =
        [
            new EntityPipeline<Core.Model.Shop, NormalizedShop>(CatalogEntities.Shop(mappings), services),
            new EntityPipeline<Core.Model.Item, NormalizedItem>(CatalogEntities.Item(mappings), services),
            new EntityPipeline<Core.Model.ItemShop, NormalizedItemShop>(CatalogEntities.ItemShop(mappings), services),
            new CustomerPipeline(services, mappings, matching, new LibPhoneNumberNormalizer()),
        ];
    }

    /// <summary>The entities this engine syncs, in the order it runs them.</summary>
    public IReadOnlyList<SyncEntity> Entities => _pipelines.Select(p => p.Entity).ToList();

    /// <summary>Runs one incremental pass of every entity, in dependency order.</summary>
    /// <param name="account">The account being synced (its id scopes external ids and checkpoints).</param>
    /// <param name="trigger">What started the run, for the run log.</param>
    /// <param name="ct">Stops the run between or during calls; the checkpoint keeps the last committed batch.</param>
    /// <returns>One result per entity, in order.</returns>
    public async Task<IReadOnlyList<SyncRunResult>> RunAsync(AccountContext account, RunTrigger trigger = RunTrigger.Manual, CancellationToken ct = default)
    {
        var results = new List<SyncRunResult>(_pipelines.Count);
        foreach (var pipeline in _pipelines)
        {
            results.Add(await pipeline.RunAsync(account, trigger, ct).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Runs one incremental pass of one entity (<c>lightbridge sync --entity E</c>).</summary>
    /// <exception cref="ArgumentException">This engine does not sync <paramref name="entity"/>.</exception>
    public Task<SyncRunResult> RunEntityAsync(SyncEntity entity, AccountContext account, RunTrigger trigger = RunTrigger.Manual, CancellationToken ct = default)
    {
        var pipeline = _pipelines.FirstOrDefault(p => p.Entity == entity)
            ?? throw new ArgumentException($"The sync engine does not sync {entity} (it syncs {string.Join(", ", Entities)}).", nameof(entity));
        return pipeline.RunAsync(account, trigger, ct);
    }
}
