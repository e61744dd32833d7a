using Lightbridge.Sync.Sources;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Planning;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// The customer sync (DESIGN "Data flow" and "Customer matching"): refresh the identity index from the org, then read
/// Lightspeed customers from the checkpoint window and, batch by batch, normalize, validate, collapse the duplicates
/// inside the batch, match each shopper against the index, plan the write (update the matched record by id under the
/// per-field policies, create a Contact or Lead, or hold an ambiguous match), load, and commit: index entries and
/// <see cref="CustomerLinks"/> for every customer written, the replay queue for every customer that was not, and only
/// then the checkpoint. Runs, windows, reads by id and checkpoints are <see cref="BatchPipeline{TSource}"/>'s.
/// </summary>
/// <remarks>
/// Archived customers are read too: their old sales still need a Contact or Lead to link to. The decisions live in
/// <see cref="CustomerDecisionStep"/> (shared with the match report). A backfill loads customers by batch size (Bulk from <c>Sync:BulkThreshold</c>)
/// rather than always through Bulk: matching decides per shopper between an update by id and a create.
/// </remarks>
internal sealed partial class CustomerPipeline : BatchPipeline<Customer>
{
    /// <summary>The error code of a customer the normalizer refused.</summary>
    public const string NormalizationFailed = nameof(NormalizationFailed);

    /// <summary>The error code of a customer matched to a record the org no longer has; the next run matches it again.</summary>
    public const string MatchedRecordMissing = nameof(MatchedRecordMissing);

    private readonly PipelineServices _services;
    private readonly CustomerDecisionStep _step;
    private readonly RecordUpdater _updater;
    private readonly CustomerLinks _links;
    private readonly RunMatchTally _matches = new();

    public CustomerPipeline(PipelineServices services, CompiledMappings mappings, MatchingOptions options, IPhoneNumberNormalizer phones)
        : base(services)
    {
        _services = services;
        _step = new CustomerDecisionStep(services.Salesforce, services.State.Identities, mappings, options, phones, services.Logger);
        _updater = new RecordUpdater(services.Salesforce, new LoadPathPlanner(services.Options.BulkThreshold), services.Time);
        _links = new CustomerLinks(services.State);
    }

    public override SyncEntity Entity => SyncEntity.Customer;

    protected override IAsyncEnumerable<Customer> Read(SourceRead read, CancellationToken ct) => _services.Source.ReadCustomersAsync(read, ct);

    protected override LightspeedId IdOf(Customer record) => record.Id;

    protected override DateTimeOffset? ChangedAtOf(Customer record) => record.UpdatedAt;

    protected override long? VersionOf(Customer record) => record.ChangeVersion;

    /// <summary>Every kind of run matches against a current index: refreshed from Salesforce first.</summary>
    protected override async Task BeforeRunAsync(BatchRun run, CancellationToken ct)
    {
        var refresh = await _step.Refresher.RefreshAsync(ct).ConfigureAwait(false);
        CustomerLog.IndexRefreshed(_services.Logger, refresh.Contacts, refresh.Leads, refresh.Full);
    }

    protected override async Task ProcessBatchAsync(List<Customer> batch, BatchRun run, CancellationToken ct)
    {
        var prepared = new Dictionary<string, PreparedCustomer>(StringComparer.Ordinal);
        foreach (var source in LatestPerId.Select(batch, c => c.Id))
        {
            var changedAt = source.UpdatedAt ?? DateTimeOffset.MinValue;
            if (run.Window.AlreadyHandled(source.Id, changedAt))
            {
                run.Tally.Skipped++;
                run.Outcomes.Add(new RecordOutcome(source.Id, changedAt, RecordDisposition.Written));
                continue;
            }

            if (Prepare(source, changedAt, run) is { } ready)
            {
                prepared[ready.Normalized.ExternalId.Value] = ready;
            }
        }

        if (prepared.Count > 0)
        {
            var decisions = await _step.DecideAsync(prepared, ct).ConfigureAwait(false);
            _matches.Held(decisions);
            foreach (var missing in decisions.Where(d => d.MissingRecord is not null))
            {
                QueueAll(missing.Members, MatchedRecordMissing, missing.MissingRecord!, RecordDisposition.Pending, run);
            }

            await WriteAsync(decisions.Where(d => d.MissingRecord is null).ToList(), run, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Normalizes and validates one customer; null when it went to the queue.</summary>
    private PreparedCustomer? Prepare(Customer source, DateTimeOffset changedAt, BatchRun run)
    {
        var preparation = _step.Prepare(source, changedAt, run.Account);
        if (preparation.Customer is null)
        {
            Queue(source, changedAt, preparation.Rule!, preparation.Field, preparation.Message!, RecordDisposition.Queued, run);
        }

        return preparation.Customer;
    }

    private async Task WriteAsync(List<CustomerDecision> decisions, BatchRun run, CancellationToken ct)
    {
        if (decisions.Any(d => d.Write.Kind != CustomerWriteKind.Held))
        {
            await PauseIfAllowanceSpentAsync(ct).ConfigureAwait(false);
        }

        foreach (var decision in decisions.Where(d => d.Write.Kind == CustomerWriteKind.Held))
        {
            var failure = decision.Write.Failure!;
            QueueAll(decision.Members, failure.Rule, failure.Message, RecordDisposition.Queued, run);
        }

        foreach (var decision in decisions.Where(d => d.Write.Kind == CustomerWriteKind.Unchanged))
        {
            run.Tally.Skipped += decision.Members.Count;
            Settle(decision, decision.Write.ObjectType, decision.Write.TargetId!.Value, run);
        }

        var creates = await _step.WithAccountsAsync(decisions.Where(d => d.Write.Kind == CustomerWriteKind.Create).ToList(), ct).ConfigureAwait(false);
        foreach (var type in new[] { CustomerObjectType.Contact, CustomerObjectType.Lead })
        {
            var toCreate = creates.Where(d => d.Write.ObjectType == type).ToList();
            if (toCreate.Count > 0)
            {
                var report = await _services.Loader.LoadAsync(toCreate.Select(d => d.Write.Record!).ToList(), ct).ConfigureAwait(false);
                Commit(toCreate, report, type, run);
            }

            var toUpdate = decisions.Where(d => d.Write.Kind == CustomerWriteKind.Update && d.Write.ObjectType == type).ToList();
            if (toUpdate.Count > 0)
            {
                var rows = toUpdate
                    .Select(d => (d.Write.TargetId!.Value, (IReadOnlyDictionary<string, object?>)d.Write.Record!.Fields.ToDictionary(f => f.Name, f => RecordUpdater.Plain(f.Value), StringComparer.Ordinal)))
                    .ToList();
                var report = await _updater.UpdateAsync(MappingFor(type).ObjectName, rows, ct).ConfigureAwait(false);
                Commit(toUpdate, report, type, run);
            }
        }
    }

    private void Commit(List<CustomerDecision> written, LoadReport report, CustomerObjectType type, BatchRun run)
    {
        var created = 0;
        var updated = 0;
        var failed = 0;
        var entries = new List<IdentityEntry>();
        for (var i = 0; i < written.Count; i++)
        {
            var decision = written[i];
            var result = report.Results[i];
            if (result.Success && SalesforceId.TryParse(result.Id ?? decision.Write.TargetId?.Value, out var id))
            {
                if (decision.Write.Kind == CustomerWriteKind.Create)
                {
                    created++;
                }
                else
                {
                    updated++;
                }

                entries.Add(_step.EntryAfterWrite(decision, type, id));
                Settle(decision, type, id, run);
                continue;
            }

            failed++;
            var code = result.Errors.Count > 0 ? result.Errors[0].StatusCode : "UNKNOWN";
            var message = string.Join(" ", result.Errors.Select(e => $"{e.StatusCode}: {e.Message}"));
            QueueAll(decision.Members, code, message, LoadFailureClassifier.Classify(result), run);
        }

        if (entries.Count > 0)
        {
            // The next batch matches these records at once, without waiting for the next refresh.
            _services.State.Identities.Upsert(entries);
        }

        run.Tally.Created += created;
        run.Tally.Updated += updated;
        run.Tally.LoadPaths.Add(report.Path);
        Log.BatchLoaded(_services.Logger, written.Count, EntityName, report.Path, created, updated, failed);
    }

    private ObjectMapping<NormalizedCustomer> MappingFor(CustomerObjectType type) => _step.MappingFor(type);

    /// <summary>Links every member of a written or unchanged group to its record and settles it for the checkpoint.</summary>
    private void Settle(CustomerDecision decision, CustomerObjectType type, SalesforceId id, BatchRun run)
    {
        _matches.Linked(decision.Outcome, type, decision.Members.Count);
        foreach (var member in decision.Members)
        {
            _links.Record(member.Normalized.ExternalId, type, id);
            Written(member.Source.Id, member.ChangedAt, run);
        }
    }

    private void QueueAll(IReadOnlyList<PreparedCustomer> members, string code, string message, RecordDisposition disposition, BatchRun run)
    {
        foreach (var member in members)
        {
            var note = members.Count > 1 && member.Source.Id != members[0].Source.Id
                ? $" (collapsed with customer {members[0].Source.Id} as the same shopper)"
                : string.Empty;
            Queue(member.Source, member.ChangedAt, code, RecordFailure.WholeRecord, message + note, disposition, run);
        }
    }

    private void Queue(Customer source, DateTimeOffset changedAt, string code, string? field, string message, RecordDisposition disposition, BatchRun run) =>
        Queue(source, source.Id, changedAt, code, field, message, disposition, run);
}
