using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Bench.Micro;

/// <summary>
/// The identity index held in three dictionaries, with each key's candidates built once: the matcher's own cost with a
/// lookup that allocates nothing. The product reads LiteDB (<see cref="IdentityIndexLookup"/>), measured beside it.
/// </summary>
internal sealed class InMemoryIdentityLookup : IIdentityLookup
{
    private readonly Dictionary<string, IdentityCandidate[]> _byExternalId;
    private readonly Dictionary<string, IdentityCandidate[]> _byEmail;
    private readonly Dictionary<string, IdentityCandidate[]> _byPhone;

    public InMemoryIdentityLookup(int capacity, IEnumerable<IdentityEntry> entries)
    {
        _byExternalId = new(capacity, StringComparer.Ordinal);
        _byEmail = new(capacity, StringComparer.Ordinal);
        _byPhone = new(capacity, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var candidate = new[] { IdentityIndexLookup.ToCandidate(entry) };
            Add(_byExternalId, entry.ExternalId, candidate);
            Add(_byEmail, entry.Email, candidate);
            Add(_byPhone, entry.Phone, candidate);
        }
    }

    public int Count => _byExternalId.Count;

    public IReadOnlyList<IdentityCandidate> FindByExternalId(ExternalId externalId) => Find(_byExternalId, externalId.Value);

    public IReadOnlyList<IdentityCandidate> FindByEmail(EmailAddress email) => Find(_byEmail, email.Value);

    public IReadOnlyList<IdentityCandidate> FindByPhone(PhoneNumber phone) => Find(_byPhone, phone.Value);

    private static IdentityCandidate[] Find(Dictionary<string, IdentityCandidate[]> map, string key) =>
        map.TryGetValue(key, out var found) ? found : [];

    private static void Add(Dictionary<string, IdentityCandidate[]> map, string? key, IdentityCandidate[] candidate)
    {
        if (key is not null)
        {
            map[key] = map.TryGetValue(key, out var existing) ? [.. existing, .. candidate] : candidate;
        }
    }
}
