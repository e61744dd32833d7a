using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Matching;

/// <summary>
/// Finds Contacts and Leads by key. Implemented over the local identity index (LiteDB), which is built from Salesforce and
/// refreshed by <c>SystemModstamp</c>, so matching costs almost no API calls (DESIGN.md, "Customer matching").
/// Each method returns every Contact and Lead holding the key, converted Leads included; empty when none.
/// </summary>
public interface IIdentityLookup
{
    /// <summary>Records whose <c>Lightspeed_Customer_Id__c</c> is <paramref name="externalId"/>.</summary>
    IReadOnlyList<IdentityCandidate> FindByExternalId(ExternalId externalId);

    /// <summary>Records whose normalized email is <paramref name="email"/>.</summary>
    IReadOnlyList<IdentityCandidate> FindByEmail(EmailAddress email);

    /// <summary>Records with a phone whose E.164 form is <paramref name="phone"/>.</summary>
    IReadOnlyList<IdentityCandidate> FindByPhone(PhoneNumber phone);
}
