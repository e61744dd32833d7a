using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Normalization;
using Lightbridge.State;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// Decides what each shopper of a batch becomes in Salesforce: match against the identity index, read the matched
/// records' current values (one query per object and chunk of ids), plan the write under the field policies, and
/// resolve the Accounts of new Contacts. The pipeline does the loading and the bookkeeping.
/// </summary>
internal sealed class CustomerWriteDecider
{
    /// <summary>The fields an index entry of a written record is built from, read with the current values.</summary>
    private static readonly string[] IdentityFields = [SalesforceSchema.Contact.Email, SalesforceSchema.Contact.Phone, SalesforceSchema.Contact.MobilePhone];

    private readonly CustomerMatcher _matcher;
    private readonly CustomerWritePlanner _planner;
    private readonly CurrentValuesReader _current;
    private readonly AccountResolver _accounts;
    private readonly IdentityIndex _index;
    private readonly Func<CustomerObjectType, ObjectMapping<NormalizedCustomer>> _mappingFor;

    public CustomerWriteDecider(
        CustomerMatcher matcher,
        CustomerWritePlanner planner,
        CurrentValuesReader current,
        AccountResolver accounts,
        IdentityIndex index,
        Func<CustomerObjectType, ObjectMapping<NormalizedCustomer>> mappingFor)
    {
        _matcher = matcher;
        _planner = planner;
        _current = current;
        _accounts = accounts;
        _index = index;
        _mappingFor = mappingFor;
    }

    /// <summary>Matches every group, reads the current values of the matched records, and plans each write.</summary>
    public async Task<List<CustomerDecision>> DecideAsync(IReadOnlyList<CustomerGroup> groups, Dictionary<string, PreparedCustomer> prepared, CancellationToken ct)
    {
        var matched = groups.Select(g => (Group: g, Outcome: Match(g))).ToList();
        var current = new Dictionary<SalesforceId, IReadOnlyDictionary<string, object?>>();
        foreach (var type in new[] { CustomerObjectType.Contact, CustomerObjectType.Lead })
        {
            var ids = matched.Select(m => m.Outcome).OfType<Matched>().Where(m => m.ObjectType == type).Select(m => m.Id).ToList();
            if (ids.Count > 0)
            {
                var mapping = _mappingFor(type);
                var fields = mapping.TargetFields.Append(mapping.ExternalIdField).Concat(IdentityFields).ToList();
                foreach (var (id, values) in await _current.ReadAsync(mapping.ObjectName, fields, ids, ct).ConfigureAwait(false))
                {
                    current[id] = values;
                }
            }
        }

        var decisions = new List<CustomerDecision>();
        var targeted = new HashSet<SalesforceId>();
        foreach (var (group, outcome) in matched)
        {
            var members = group.Duplicates.Prepend(group.Primary).Select(m => prepared[m.ExternalId.Value]).ToList();
            if (outcome is Matched match && !current.ContainsKey(match.Id))
            {
                // Deleted or merged away since the index saw it: forget it and let the next run match again.
                _index.Remove(match.Id.Value);
                decisions.Add(new CustomerDecision(members, null!, null, $"{match.ObjectType} {match.Id} matched by {match.Rule} no longer exists in Salesforce; the customer is matched again on the next run."));
                continue;
            }

            var values = outcome is Matched found ? current[found.Id] : null;
            var write = _planner.Plan(group.Primary, outcome, values);
            if (write.Kind is CustomerWriteKind.Update or CustomerWriteKind.Unchanged)
            {
                write = KeepOwnerExternalId(write, group.Primary, values!);
                if (!targeted.Add(write.TargetId!.Value))
                {
                    // Another group of this batch already writes this record: one write per record and call.
                    write = write with { Kind = CustomerWriteKind.Unchanged, Record = null };
                }
            }

            decisions.Add(new CustomerDecision(members, write, values, null, outcome));
        }

        return decisions;
    }

    private MatchOutcome Match(CustomerGroup group)
    {
        var outcome = _matcher.Match(group.Primary);
        if (outcome is not NoMatch)
        {
            return outcome;
        }

        // The primary is new, but a duplicate of it may already be in the org: the group becomes that record.
        foreach (var duplicate in group.Duplicates)
        {
            var other = _matcher.Match(duplicate);
            if (other is not NoMatch)
            {
                return other;
            }
        }

        return outcome;
    }

    /// <summary>
    /// A matched record that already carries another customer's external id keeps it: overwriting it would make the
    /// two customers take the record from each other on every edit. The customer is linked to it all the same.
    /// </summary>
    private CustomerWrite KeepOwnerExternalId(CustomerWrite write, NormalizedCustomer customer, IReadOnlyDictionary<string, object?> current)
    {
        var field = _mappingFor(write.ObjectType).ExternalIdField;
        current.TryGetValue(field, out var owner);
        if (write.Record is not { } record || FieldMerger.IsBlank(owner) || string.Equals(owner as string, customer.ExternalId.Value, StringComparison.Ordinal) || !record.HasField(field))
        {
            return write;
        }

        var without = record.WithoutField(field);
        return without.Fields.Count == 0
            ? write with { Kind = CustomerWriteKind.Unchanged, Record = null }
            : write with { Record = without };
    }

    /// <summary>Resolves the company names of new Contacts to Accounts (CustomerCompany strategy) and sets <c>AccountId</c>.</summary>
    public async Task<List<CustomerDecision>> WithAccountsAsync(List<CustomerDecision> creates, CancellationToken ct)
    {
        var names = creates.Select(d => d.Write.Account).Where(a => a is { AccountId: null, CompanyName: not null }).Select(a => a!.CompanyName!).ToList();
        if (names.Count == 0)
        {
            return creates;
        }

        var accounts = await _accounts.ResolveAsync(names, ct).ConfigureAwait(false);
        return creates.Select(d => d.Write.Account is { AccountId: null, CompanyName: { } company } && accounts.TryGetValue(company.Trim(), out var id)
                ? d with { Write = d.Write with { Record = d.Write.Record!.WithField(SalesforceSchema.Contact.AccountId, id.Value) } }
                : d)
            .ToList();
    }
}
