using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>A shop ready for mapping to <c>Lightspeed_Store__c</c>.</summary>
/// <param name="Source">The shop as read.</param>
/// <param name="ExternalId">Its <c>Lightspeed_Shop_Id__c</c>.</param>
/// <param name="Name">The shop's name, trimmed.</param>
/// <param name="StoreCode">The unique short code for <c>Store_Code__c</c>.</param>
/// <param name="Currency">The shop's currency.</param>
public sealed record NormalizedShop(Shop Source, ExternalId ExternalId, string Name, string StoreCode, CurrencyCode Currency)
{
    /// <summary>The Lightspeed account id.</summary>
    public LightspeedId AccountId => ExternalId.AccountId;
}
