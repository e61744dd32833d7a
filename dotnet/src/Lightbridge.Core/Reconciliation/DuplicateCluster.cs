namespace Lightbridge.Core.Reconciliation;

/// <summary>Salesforce records sharing one normalized email or phone: a customer with this key would match ambiguously.</summary>
/// <param name="KeyKind"><c>Email</c> or <c>Phone</c>.</param>
/// <param name="Key">The normalized email or E.164 phone they share. Personal data: mask it before showing it.</param>
/// <param name="Records">The records, Contacts first, then by id.</param>
public sealed record DuplicateCluster(string KeyKind, string Key, IReadOnlyList<IdentityRecord> Records)
{
    /// <summary>
    /// Finds every email and phone that more than one record holds, converted Leads left out. Ordered by size, largest
    /// first, then by key kind and key.
    /// </summary>
    public static IReadOnlyList<DuplicateCluster> Find(IEnumerable<IdentityRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var keyed = new Dictionary<(string Kind, string Key), List<IdentityRecord>>();
        foreach (var record in records.Where(r => !r.IsConverted))
        {
            var keys = record.Phones.Distinct(StringComparer.Ordinal).Select(p => ("Phone", p));
            if (record.Email is { } email)
            {
                keys = keys.Prepend(("Email", email));
            }

            foreach (var key in keys)
            {
                if (!keyed.TryGetValue(key, out var list))
                {
                    keyed[key] = list = [];
                }

                list.Add(record);
            }
        }

        return keyed
            .Where(k => k.Value.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(k => new DuplicateCluster(
                k.Key.Kind,
                k.Key.Key,
                k.Value.DistinctBy(r => r.Id, StringComparer.Ordinal).OrderBy(r => r.ObjectType == "Contact" ? 0 : 1).ThenBy(r => r.Id, StringComparer.Ordinal).ToList()))
            .OrderByDescending(c => c.Records.Count)
            .ThenBy(c => c.KeyKind, StringComparer.Ordinal)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
    }
}
