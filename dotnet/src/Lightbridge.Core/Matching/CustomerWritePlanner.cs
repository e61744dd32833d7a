using Lightbridge.Core.Failures;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Matching;

/// <summary>
/// Turns a <see cref="MatchOutcome"/> into the write to make (DESIGN.md, "Customer matching"): a match is updated by its
/// id, with the external id stamped and the field policies applied against the record's current values; no match is
/// created with the configured object and, for a Contact, the Account strategy; an ambiguous match writes nothing and
/// becomes an <c>AmbiguousMatch</c> failure.
/// </summary>
public sealed class CustomerWritePlanner
{
    private readonly FieldUpdatePolicies _policies;
    private readonly AccountPolicy _accounts;
    private readonly ObjectMapping<NormalizedCustomer> _contact;
    private readonly ObjectMapping<NormalizedCustomer> _lead;

    /// <summary>Creates a planner; the mappings default to <see cref="DefaultMappings.Contact"/> and <see cref="DefaultMappings.Lead"/>.</summary>
    public CustomerWritePlanner(
        FieldUpdatePolicies policies,
        AccountPolicy accounts,
        ObjectMapping<NormalizedCustomer>? contact = null,
        ObjectMapping<NormalizedCustomer>? lead = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(accounts);
        _policies = policies;
        _accounts = accounts;
        _contact = contact ?? DefaultMappings.Contact;
        _lead = lead ?? DefaultMappings.Lead;
    }

    /// <summary>Plans the write for <paramref name="customer"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="outcome">What matching decided.</param>
    /// <param name="current">
    /// For a <see cref="Matched"/> outcome, the matched record's current values of the mapped fields; required, because
    /// <see cref="FieldUpdatePolicy.FillIfBlank"/> cannot be honoured without them.
    /// </param>
    public CustomerWrite Plan(NormalizedCustomer customer, MatchOutcome outcome, IReadOnlyDictionary<string, object?>? current = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case Matched matched:
            {
                if (current is null)
                {
                    throw new ArgumentException("Updating a matched record needs its current values, or FillIfBlank could overwrite a rep's value.", nameof(current));
                }

                var mapping = MappingFor(matched.ObjectType);
                var record = mapping.Map(customer).WithField(mapping.ExternalIdField, customer.ExternalId.Value);
                var merge = FieldMerger.Merge(record, current, _policies);
                return merge.HasChanges
                    ? new CustomerWrite(CustomerWriteKind.Update, matched.ObjectType, matched.Id, merge.Record, null, null)
                    : new CustomerWrite(CustomerWriteKind.Unchanged, matched.ObjectType, matched.Id, null, null, null);
            }

            case NoMatch noMatch:
            {
                var record = MappingFor(noMatch.CreateAs).Map(customer);
                var account = noMatch.CreateAs == CustomerObjectType.Contact ? _accounts.Choose(customer) : null;
                if (account?.AccountId is { } accountId)
                {
                    record = record.WithField(SalesforceSchema.Contact.AccountId, accountId);
                }

                return new CustomerWrite(CustomerWriteKind.Create, noMatch.CreateAs, null, record, account, null);
            }

            case Ambiguous ambiguous:
            {
                var failure = new RecordFailure(
                    SyncEntity.Customer,
                    customer.Id,
                    RecordFailure.WholeRecord,
                    Ambiguous.FailureRule,
                    $"Customer {customer.Id} matches {ambiguous.Candidates.Count} records by {ambiguous.Rule}: "
                        + string.Join(", ", ambiguous.Candidates.Select(c => $"{c.ObjectType} {c.Id}")) + "; nothing was written.");
                return new CustomerWrite(CustomerWriteKind.Held, ambiguous.Candidates[0].ObjectType, null, null, null, failure);
            }

            default:
                throw new ArgumentException($"Unknown match outcome {outcome.GetType().Name}.", nameof(outcome));
        }
    }

    private ObjectMapping<NormalizedCustomer> MappingFor(CustomerObjectType type) =>
        type == CustomerObjectType.Contact ? _contact : _lead;
}
