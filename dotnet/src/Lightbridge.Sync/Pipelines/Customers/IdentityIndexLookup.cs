using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;
using Lightbridge.State;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>Core's <see cref="IIdentityLookup"/> over State's <see cref="IdentityIndex"/>: matching reads LiteDB, never Salesforce.</summary>
internal sealed class IdentityIndexLookup : IIdentityLookup
{
    private readonly IdentityIndex _index;

    public IdentityIndexLookup(IdentityIndex index)
    {
        _index = index;
    }

    /// <inheritdoc />
    public IReadOnlyList<IdentityCandidate> FindByExternalId(ExternalId externalId) => ToCandidates(_index.FindByExternalId(externalId.Value));

    /// <inheritdoc />
    public IReadOnlyList<IdentityCandidate> FindByEmail(EmailAddress email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return ToCandidates(_index.FindByEmail(email.Value));
    }

    /// <inheritdoc />
    public IReadOnlyList<IdentityCandidate> FindByPhone(PhoneNumber phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return ToCandidates(_index.FindByPhone(phone.Value));
    }

    /// <summary>The candidate an index entry stands for.</summary>
    public static IdentityCandidate ToCandidate(IdentityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new IdentityCandidate(
            SalesforceId.Parse(entry.SalesforceId),
            entry.ObjectType == IdentityObject.Contact ? CustomerObjectType.Contact : CustomerObjectType.Lead,
            entry.IsConverted,
            entry.ConvertedContactId is { } converted ? SalesforceId.Parse(converted) : null);
    }

    private static List<IdentityCandidate> ToCandidates(IReadOnlyList<IdentityEntry> entries) => entries.Select(ToCandidate).ToList();
}
