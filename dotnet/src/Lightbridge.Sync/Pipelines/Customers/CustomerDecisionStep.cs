using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Validation;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// The part of the customer sync that decides without writing: normalize and validate each customer, collapse the
/// duplicates of a batch, match every group against an identity index and plan its write; and, once a write is made,
/// the index entry it leaves behind. The pipeline and the match report (<c>lightbridge match-report</c>) both run
/// exactly this, so what the report predicts and what a sync does cannot drift apart.
/// </summary>
/// <remarks>
/// Reads Salesforce (the matched records' current values) but never writes to it; the index it is given may change
/// (an entry whose record is gone is dropped), which is why the match report hands it a temporary one, along with the
/// <see cref="WrittenValues"/> of the writes it only pretends to make.
/// </remarks>
internal sealed class CustomerDecisionStep
{
    private readonly CustomerNormalizer _normalizer;
    private readonly MatchingPolicy _policy;
    private readonly CustomerWriteDecider _decider;
    private readonly ILogger _logger;

    public CustomerDecisionStep(SalesforceClient salesforce, IdentityIndex index, CompiledMappings mappings, MatchingOptions options, IPhoneNumberNormalizer phones, ILogger logger, WrittenValues? written = null)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _policy = options.ToMatchingPolicy();
        _normalizer = new CustomerNormalizer(phones);
        Contact = mappings.Contact;
        Lead = mappings.Lead;
        Entries = new IdentityEntryFactory(phones, options.DefaultRegion.ToUpperInvariant());
        Refresher = new IdentityIndexRefresher(salesforce, index, Entries);
        _decider = new CustomerWriteDecider(
            new CustomerMatcher(new IdentityIndexLookup(index), _policy),
            new CustomerWritePlanner(options.ToFieldPolicies(), options.ToAccountPolicy(), Contact, Lead),
            new CurrentValuesReader(salesforce),
            new AccountResolver(salesforce),
            index,
            MappingFor,
            written);
    }

    /// <summary>The Contact mapping in force.</summary>
    public ObjectMapping<NormalizedCustomer> Contact { get; }

    /// <summary>The Lead mapping in force.</summary>
    public ObjectMapping<NormalizedCustomer> Lead { get; }

    /// <summary>Builds index entries with the same normalization as customers.</summary>
    public IdentityEntryFactory Entries { get; }

    /// <summary>Brings the index in step with the org before a run.</summary>
    public IdentityIndexRefresher Refresher { get; }

    /// <summary>The Contact or Lead mapping.</summary>
    public ObjectMapping<NormalizedCustomer> MappingFor(CustomerObjectType type) => type == CustomerObjectType.Contact ? Contact : Lead;

    /// <summary>Normalizes and validates one customer: ready to match, or rejected with the rule, field and message to queue.</summary>
    public CustomerPreparation Prepare(Customer source, DateTimeOffset changedAt, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(source);
        NormalizedCustomer normalized;
        try
        {
            normalized = _normalizer.Normalize(source, account);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return CustomerPreparation.Rejected(CustomerPipeline.NormalizationFailed, Core.Failures.RecordFailure.WholeRecord, $"Customer {source.Id} could not be normalized: {ex.Message}");
        }

        var failures = CustomerValidator.Validate(normalized);
        foreach (var warning in failures.Where(f => !f.IsBlocking))
        {
            // A malformed email or phone is only left out of matching (issue 5, "Validation"); the customer goes on.
            Log.RecordWarning(_logger, nameof(Core.Failures.SyncEntity.Customer), source.Id.Value, warning.Rule);
        }

        var blocking = failures.Where(f => f.IsBlocking).ToList();
        return blocking.Count > 0
            ? CustomerPreparation.Rejected(blocking[0].Rule, blocking[0].Field, string.Join(" ", blocking.Select(f => f.Message)))
            : CustomerPreparation.Ready(new PreparedCustomer(source, changedAt, normalized));
    }

    /// <summary>Collapses the duplicates among <paramref name="prepared"/> (keyed by external id), matches each group and plans its write.</summary>
    public Task<List<CustomerDecision>> DecideAsync(Dictionary<string, PreparedCustomer> prepared, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var groups = BatchDeduplicator.Collapse(prepared.Values.Select(p => p.Normalized).ToList(), _policy.Rules);
        return _decider.DecideAsync(groups, prepared, ct);
    }

    /// <summary>Resolves the company names of new Contacts to Accounts; creates missing Accounts, so only a sync calls it.</summary>
    public Task<List<CustomerDecision>> WithAccountsAsync(List<CustomerDecision> creates, CancellationToken ct) => _decider.WithAccountsAsync(creates, ct);

    /// <summary>
    /// The index entry of a record just written: its values before the write with the written fields laid over them.
    /// Its <c>SystemModstamp</c> is unknown here, so the entry carries the earliest instant, which never moves the
    /// refresh high-water mark; the next refresh replaces it with the org's own.
    /// </summary>
    public IdentityEntry EntryAfterWrite(CustomerDecision decision, CustomerObjectType type, SalesforceId id)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var values = new Dictionary<string, object?>(decision.Current ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        var record = decision.Write.Record!;
        foreach (var field in record.Fields)
        {
            values[field.Name] = field.Value;
        }

        var externalIdField = MappingFor(type).ExternalIdField;
        if (decision.Write.Kind == CustomerWriteKind.Create)
        {
            values[externalIdField] = record.ExternalId.Value;
        }

        return Entries.Create(
            id,
            type == CustomerObjectType.Contact ? IdentityObject.Contact : IdentityObject.Lead,
            TextOf(values, SalesforceSchema.Contact.Email),
            TextOf(values, SalesforceSchema.Contact.Phone),
            TextOf(values, SalesforceSchema.Contact.MobilePhone),
            TextOf(values, externalIdField),
            isConverted: false,
            convertedContactId: null,
            DateTimeOffset.MinValue);
    }

    private static string? TextOf(Dictionary<string, object?> values, string field) =>
        values.TryGetValue(field, out var value) && RecordUpdater.Plain(value) is { } plain ? Convert.ToString(plain, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>A customer after normalization and validation: <see cref="Customer"/> set when ready, else the rejection.</summary>
/// <param name="Customer">The customer ready to match; null when rejected.</param>
/// <param name="Rule">The rule broken (the queue's error code); null when ready.</param>
/// <param name="Field">The field at fault; null when ready.</param>
/// <param name="Message">Why it was rejected, naming the record; null when ready.</param>
internal sealed record CustomerPreparation(PreparedCustomer? Customer, string? Rule, string? Field, string? Message)
{
    public static CustomerPreparation Ready(PreparedCustomer customer) => new(customer, null, null, null);

    public static CustomerPreparation Rejected(string rule, string field, string message) => new(null, rule, field, message);
}
