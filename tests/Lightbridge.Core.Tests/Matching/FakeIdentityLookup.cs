using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;

namespace Lightbridge.Core.Tests.Matching;

/// <summary>An in-memory identity index: Contacts and Leads with their keys, looked up as the LiteDB index would be.</summary>
public sealed class FakeIdentityLookup : IIdentityLookup
{
    private readonly List<Entry> _entries = [];

    public List<string> Calls { get; } = [];

    public IdentityCandidate Add(
        string id,
        CustomerObjectType type,
        string? externalId = null,
        string? email = null,
        string? phone = null,
        bool isConverted = false,
        string? convertedContactId = null)
    {
        var candidate = new IdentityCandidate(
            SalesforceId.Parse(id), type, isConverted, convertedContactId is null ? null : SalesforceId.Parse(convertedContactId));
        _entries.Add(new Entry(candidate, externalId, email, phone));
        return candidate;
    }

    public IReadOnlyList<IdentityCandidate> FindByExternalId(ExternalId externalId)
    {
        Calls.Add(nameof(FindByExternalId));
        return _entries.Where(e => e.ExternalId == externalId.Value).Select(e => e.Candidate).ToList();
    }

    public IReadOnlyList<IdentityCandidate> FindByEmail(EmailAddress email)
    {
        Calls.Add(nameof(FindByEmail));
        return _entries.Where(e => e.Email == email.Value).Select(e => e.Candidate).ToList();
    }

    public IReadOnlyList<IdentityCandidate> FindByPhone(PhoneNumber phone)
    {
        Calls.Add(nameof(FindByPhone));
        return _entries.Where(e => e.Phone == phone.Value).Select(e => e.Candidate).ToList();
    }

    private sealed record Entry(IdentityCandidate Candidate, string? ExternalId, string? Email, string? Phone);
}
