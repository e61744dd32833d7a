using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Reconciliation;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Normalization;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Customers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

using Lightbridge.Sync.Sources;

namespace Lightbridge.Sync.GoLive;

/// <summary>
/// The dry run of customer matching behind <c>lightbridge match-report</c>: reads every Lightspeed customer the way a
/// first sync reads them (archived included, by <c>timeStamp</c>, in batches of <c>Sync:BatchSize</c>) and pushes each
/// batch through the customer pipeline's own <see cref="CustomerDecisionStep"/>, against an identity index built fresh
/// from the org in a temporary state file. Nothing is written to Salesforce or Lightspeed, and the operator's state
/// file (checkpoints, queue, index) is never opened.
/// </summary>
/// <remarks>
/// Between batches the writes the sync would make are laid into the temporary index exactly as the pipeline lays them
/// (a create under a placeholder id), so a customer of a later batch matches a record an earlier batch creates, as it
/// would in the sync. Only Salesforce's own refusals of a write (validation rules, duplicate rules) cannot be foreseen.
/// </remarks>
public sealed class MatchPreviewer
{
    private readonly ISourceReader _lightspeed;
    private readonly SalesforceClient _salesforce;
    private readonly CompiledMappings _mappings;
    private readonly SyncOptions _sync;
    private readonly MatchingOptions _matching;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a previewer over one account and one org with the settings a sync would use.</summary>
    public MatchPreviewer(
        ISourceReader lightspeed, SalesforceClient salesforce, CompiledMappings mappings, SyncOptions sync, MatchingOptions matching, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(lightspeed);
        ArgumentNullException.ThrowIfNull(salesforce);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(matching);
        ArgumentNullException.ThrowIfNull(time);
        sync.Validate();
        matching.Validate();
        _lightspeed = lightspeed;
        _salesforce = salesforce;
        _mappings = mappings;
        _sync = sync;
        _matching = matching;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Builds the report for <paramref name="account"/>.</summary>
    public async Task<MatchReport> RunAsync(AccountContext account, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var folder = Path.Combine(Path.GetTempPath(), "lightbridge-match-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var state = StateStore.Open(new StateOptions { Path = Path.Combine(folder, "index.db") }, _time);
            var written = new WrittenValues();
            var step = new CustomerDecisionStep(_salesforce, state.Identities, _mappings, _matching, new LibPhoneNumberNormalizer(), _logger, written);
            await step.Refresher.RefreshAsync(ct).ConfigureAwait(false);
            var indexed = state.Identities.Count();
            var clusters = DuplicateCluster.Find(state.Identities.All().Select(ToRecord));

            var run = new PreviewRun(step, state.Identities, written, account);
            var batch = new List<Customer>();
            await foreach (var customer in _lightspeed.ReadCustomersAsync(SourceRead.Changes(null, null), ct).ConfigureAwait(false))
            {
                batch.Add(customer);
                if (batch.Count >= _sync.BatchSize)
                {
                    await run.DecideBatchAsync(batch, ct).ConfigureAwait(false);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await run.DecideBatchAsync(batch, ct).ConfigureAwait(false);
            }

            return new MatchReport(run.Rows, run.Tally, clusters, indexed, _time.GetUtcNow());
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static IdentityRecord ToRecord(IdentityEntry entry) =>
        new(entry.SalesforceId, entry.ObjectType.ToString(), entry.Email, new[] { entry.Phone, entry.MobilePhone }.OfType<string>().ToList(), entry.IsConverted);

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the operator's state was never in it.
        }
    }

    /// <summary>The rows and counts of one report, and the placeholder ids of records its batches would create.</summary>
    private sealed class PreviewRun(CustomerDecisionStep step, IdentityIndex index, WrittenValues written, AccountContext account)
    {
        private readonly Dictionary<SalesforceId, string> _placeholders = [];

        public List<MatchReportRow> Rows { get; } = [];

        public MatchTally Tally { get; } = new();

        public async Task DecideBatchAsync(List<Customer> batch, CancellationToken ct)
        {
            var prepared = new Dictionary<string, PreparedCustomer>(StringComparer.Ordinal);
            foreach (var source in LatestPerId.Select(batch, c => c.Id))
            {
                var preparation = step.Prepare(source, source.UpdatedAt ?? DateTimeOffset.MinValue, account);
                if (preparation.Customer is { } ready)
                {
                    prepared[ready.Normalized.ExternalId.Value] = ready;
                    continue;
                }

                Tally.AddCustomer(CustomerOutcome.Invalid, null);
                Rows.Add(new MatchReportRow(
                    source.Id.Value, new ExternalId(account.AccountId, source.Id).Value, null, null, CustomerOutcome.Invalid, preparation.Rule, "None", null, null, [], null, preparation.Message));
            }

            if (prepared.Count == 0)
            {
                return;
            }

            var entries = new List<IdentityEntry>();
            foreach (var decision in await step.DecideAsync(prepared, ct).ConfigureAwait(false))
            {
                if (Describe(decision) is { } entry)
                {
                    entries.Add(entry);
                }
            }

            if (entries.Count > 0)
            {
                // What the pipeline's commit lays into the index after its loads: the next batch matches against it.
                index.Upsert(entries);
            }
        }

        /// <summary>Adds the rows of one decision; returns the index entry its write would leave, if any.</summary>
        private IdentityEntry? Describe(CustomerDecision decision)
        {
            var primary = decision.Members[0].Source.Id.Value;
            var write = decision.Write;
            if (decision.MissingRecord is { } missing)
            {
                AddRows(decision, CustomerOutcome.RecordMissing, RuleOf(decision), "None", null, null, [], missing);
                return null;
            }

            switch (write.Kind)
            {
                case CustomerWriteKind.Held:
                {
                    AddRows(decision, CustomerOutcome.Ambiguous, RuleOf(decision), "None", null, null, Candidates(decision), write.Failure?.Message);
                    return null;
                }

                case CustomerWriteKind.Create:
                {
                    var outcome = write.ObjectType == CustomerObjectType.Contact ? CustomerOutcome.CreatedAsContact : CustomerOutcome.CreatedAsLead;
                    Tally.AddWrite(create: true);
                    AddRows(decision, outcome, null, "Create", write.ObjectType.ToString(), "new", [], null);
                    var placeholder = Placeholder(write.ObjectType, primary);
                    written.Record(placeholder, decision, step.MappingFor(write.ObjectType).ExternalIdField);
                    return step.EntryAfterWrite(decision, write.ObjectType, placeholder);
                }

                default:
                {
                    var target = write.TargetId!.Value;
                    var shown = _placeholders.TryGetValue(target, out var creator) ? $"new (customer {creator})" : target.Value;
                    var rule = RuleOf(decision);
                    if (write.Kind == CustomerWriteKind.Update)
                    {
                        Tally.AddWrite(create: false);
                    }
                    else
                    {
                        Tally.AddUnchanged(decision.Members.Count);
                    }

                    AddRows(decision, CustomerOutcome.Matched, rule, write.Kind.ToString(), write.ObjectType.ToString(), shown, [], null);
                    if (write.Kind != CustomerWriteKind.Update)
                    {
                        return null;
                    }

                    written.Record(target, decision, step.MappingFor(write.ObjectType).ExternalIdField);
                    return step.EntryAfterWrite(decision, write.ObjectType, target);
                }
            }
        }

        private void AddRows(
            CustomerDecision decision, CustomerOutcome outcome, string? rule, string write, string? targetObject, string? targetId, IReadOnlyList<string> candidates, string? detail)
        {
            var primary = decision.Members[0];
            foreach (var member in decision.Members)
            {
                var normalized = member.Normalized;
                Tally.AddCustomer(outcome, rule);
                Rows.Add(new MatchReportRow(
                    member.Source.Id.Value,
                    normalized.ExternalId.Value,
                    normalized.PrimaryEmail?.ToString(),
                    normalized.Phones.Count > 0 ? normalized.Phones[0].Number.ToString() : null,
                    outcome,
                    rule,
                    write,
                    targetObject,
                    targetId,
                    candidates,
                    ReferenceEquals(member, primary) ? null : primary.Source.Id.Value,
                    detail));
            }
        }

        private static string? RuleOf(CustomerDecision decision) => decision.Outcome switch
        {
            Matched matched => matched.Rule.ToString(),
            Ambiguous ambiguous => ambiguous.Rule.ToString(),
            _ => null,
        };

        private static List<string> Candidates(CustomerDecision decision) =>
            decision.Outcome is Ambiguous ambiguous ? ambiguous.Candidates.Select(c => $"{c.ObjectType} {c.Id}").ToList() : [];

        /// <summary>A valid-looking id for a record that does not exist yet (key prefix of its object), never sent anywhere.</summary>
        private SalesforceId Placeholder(CustomerObjectType type, string creator)
        {
            var prefix = type == CustomerObjectType.Contact ? "003" : "00Q";
            var id = SalesforceId.Parse(prefix + "PV" + (_placeholders.Count + 1).ToString("D10", System.Globalization.CultureInfo.InvariantCulture));
            _placeholders[id] = creator;
            return id;
        }
    }
}
