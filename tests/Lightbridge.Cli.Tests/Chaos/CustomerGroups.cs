using System.Text.Json;

namespace Lightbridge.Cli.Tests.Chaos;

/// <summary>
/// Lightspeed customers joined when they share an email (case and spaces aside) or a phone (its last ten digits):
/// customer matching may fold such customers into one Salesforce record, so the checker treats each group as one
/// shopper. Built from the raw <c>Contact</c> relation, independently of the product's normalizers.
/// </summary>
/// <remarks>
/// Kept across rounds (<see cref="Add"/> once per round's snapshot): two customers that shared an email or phone in
/// any snapshot stay one group after an edit makes them differ, because the product keeps a folded shopper on the
/// record it was matched to (a record keeps its first owner's external id, and the link is not re-pointed when the
/// shopper's email or phone changes later; see docs/configuration.md, <c>Matching</c>).
/// </remarks>
internal sealed class CustomerGroups
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

    /// <summary>Groups <paramref name="customers"/>, each known by the external id <paramref name="ext"/> gives it.</summary>
    public static CustomerGroups Build(IReadOnlyList<JsonElement> customers, Func<JsonElement, string> ext)
    {
        var groups = new CustomerGroups();
        groups.Add(customers, ext);
        return groups;
    }

    /// <summary>Adds one snapshot: customers sharing a key in it are joined; the joins of earlier snapshots stay.</summary>
    public void Add(IReadOnlyList<JsonElement> customers, Func<JsonElement, string> ext)
    {
        var firstWithKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var customer in customers)
        {
            var id = ext(customer);
            _parent.TryAdd(id, id);
            foreach (var key in Keys(customer))
            {
                if (firstWithKey.TryGetValue(key, out var other))
                {
                    Join(id, other);
                }
                else
                {
                    firstWithKey[key] = id;
                }
            }
        }
    }

    /// <summary>Every external id in the group of <paramref name="externalId"/>, itself included.</summary>
    public IReadOnlySet<string> Members(string externalId)
    {
        if (!_parent.ContainsKey(externalId))
        {
            return new HashSet<string>(StringComparer.Ordinal) { externalId };
        }

        var root = Find(externalId);
        return _parent.Keys.Where(k => Find(k) == root).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Keys(JsonElement customer)
    {
        var contact = LightspeedReader.Child(customer, "Contact");
        foreach (var email in LightspeedReader.Many(LightspeedReader.Child(LightspeedReader.Child(contact, "Emails"), "ContactEmail")))
        {
            if (LightspeedReader.Text(email, "address") is { } address && !string.IsNullOrWhiteSpace(address))
            {
                yield return "email:" + address.Trim().ToUpperInvariant();
            }
        }

        foreach (var phone in LightspeedReader.Many(LightspeedReader.Child(LightspeedReader.Child(contact, "Phones"), "ContactPhone")))
        {
            var number = LightspeedReader.Text(phone, "number") ?? string.Empty;
            var cut = number.IndexOfAny(['x', 'X', ',', ';']);
            var digits = new string((cut >= 0 ? number[..cut] : number).Where(char.IsAsciiDigit).ToArray());
            if (digits.Length >= 7)
            {
                yield return "phone:" + (digits.Length > 10 ? digits[^10..] : digits);
            }
        }
    }

    private string Find(string id)
    {
        while (_parent[id] != id)
        {
            id = _parent[id];
        }

        return id;
    }

    private void Join(string a, string b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb)
        {
            _parent[ra] = rb;
        }
    }
}
