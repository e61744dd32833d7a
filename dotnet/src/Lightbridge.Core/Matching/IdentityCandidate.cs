using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Matching;

/// <summary>A Contact or Lead that an identity lookup returned for a key.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="ObjectType">Contact or Lead.</param>
/// <param name="IsConverted">For a Lead, whether it was converted (it is then read-only and its Contact is the customer).</param>
/// <param name="ConvertedContactId">For a converted Lead, the Contact it became.</param>
public sealed record IdentityCandidate(
    SalesforceId Id,
    CustomerObjectType ObjectType,
    bool IsConverted = false,
    SalesforceId? ConvertedContactId = null);
