using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>
/// What normalization needs to know about the Lightspeed account a record comes from: its id (external ids are
/// scoped by account), its currency and any shop that overrides it, and the region for national phone numbers.
/// </summary>
/// <param name="AccountId">The Lightspeed account id.</param>
/// <param name="Currency">The account's currency (Lightspeed <c>Account.defaultCurrency.code</c>).</param>
/// <param name="ShopCurrencies">Per-shop currencies that differ from the account's; may be empty.</param>
/// <param name="DefaultRegion">The ISO 3166-1 alpha-2 region of the account's shops, for national phone numbers.</param>
public sealed record AccountContext(
    LightspeedId AccountId,
    CurrencyCode Currency,
    IReadOnlyDictionary<LightspeedId, CurrencyCode> ShopCurrencies,
    string DefaultRegion)
{
    /// <summary>The currency of a shop's records: the shop's own when configured, else the account's.</summary>
    public CurrencyCode CurrencyFor(LightspeedId? shopId) =>
        shopId is { } id && ShopCurrencies.TryGetValue(id, out var currency) ? currency : Currency;
}
