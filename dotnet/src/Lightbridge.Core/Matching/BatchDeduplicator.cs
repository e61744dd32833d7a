using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Matching;

/// <summary>
/// Collapses the duplicates inside one batch before loading (DESIGN.md, "Customer matching"): two versions of the same
/// customer, or two customers sharing a normalized email or phone, become one group and so at most one create. Without
/// this, a shopper entered twice would get two Contacts, because neither exists in the index when the batch is matched.
/// </summary>
public static class BatchDeduplicator
{
    /// <summary>Groups <paramref name="batch"/> by the keys of the rules in <paramref name="rules"/>, in first-seen order.</summary>
    /// <param name="batch">The batch, in read order.</param>
    /// <param name="rules">The matching rules in force; only their keys join customers (no phone rule, no phone joins).</param>
    public static IReadOnlyList<CustomerGroup> Collapse(IReadOnlyList<NormalizedCustomer> batch, IReadOnlyCollection<MatchingRule> rules)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(rules);

        // Versions of one external id: the newest wins (a later change instant; on a tie, the later one read).
        var latest = new Dictionary<string, (NormalizedCustomer Customer, int Position)>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var key = batch[i].ExternalId.Value;
            if (!latest.TryGetValue(key, out var seen) || !IsOlder(batch[i], seen.Customer))
            {
                latest[key] = (batch[i], latest.TryGetValue(key, out var first) ? first.Position : i);
            }
        }

        var customers = latest.Values.OrderBy(v => v.Position).Select(v => v.Customer).ToList();
        var parent = Enumerable.Range(0, customers.Count).ToArray();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < customers.Count; i++)
        {
            foreach (var key in Keys(customers[i], rules))
            {
                if (owner.TryGetValue(key, out var other))
                {
                    Union(parent, i, other);
                }
                else
                {
                    owner[key] = i;
                }
            }
        }

        return Enumerable.Range(0, customers.Count)
            .GroupBy(i => Find(parent, i))
            .OrderBy(g => g.Min())
            .Select(g => ToGroup(g.Select(i => customers[i]).ToList()))
            .ToList();
    }

    private static CustomerGroup ToGroup(List<NormalizedCustomer> members)
    {
        // The earliest-created customer is the one a rep most likely knows; ties keep batch order.
        var primary = members
            .Select((customer, index) => (customer, index))
            .OrderBy(m => m.customer.Source.CreatedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(m => m.index)
            .First().customer;
        return new CustomerGroup(primary, members.Where(m => !ReferenceEquals(m, primary)).ToList());
    }

    private static IEnumerable<string> Keys(NormalizedCustomer customer, IReadOnlyCollection<MatchingRule> rules)
    {
        if (rules.Contains(MatchingRule.Email))
        {
            foreach (var email in customer.Emails)
            {
                yield return "email:" + email.Value;
            }
        }

        if (rules.Contains(MatchingRule.Phone))
        {
            foreach (var phone in customer.Phones)
            {
                yield return "phone:" + phone.Number.Value;
            }
        }
    }

    private static bool IsOlder(NormalizedCustomer candidate, NormalizedCustomer current) =>
        (candidate.ChangedAt ?? DateTimeOffset.MinValue) < (current.ChangedAt ?? DateTimeOffset.MinValue);

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        if (rootA != rootB)
        {
            parent[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
        }
    }
}
