using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Sync.Mapping;

/// <summary>
/// The product the Opportunity profile gives sale lines that sell no catalogued item (Lightspeed's misc lines,
/// <c>itemID "0"</c>; shared/reference/lightspeed-api.md §9.4). An opportunity product needs a priced product, and
/// leaving misc lines out would leave the opportunity's amount short of the sale's total.
/// </summary>
internal static class MiscellaneousItem
{
    /// <summary>The product's name in Salesforce.</summary>
    public const string ProductName = "Miscellaneous (Lightspeed)";

    /// <summary>The object the Opportunity profile keeps each product's standard price in.</summary>
    public const string PriceObject = "PricebookEntry";

    // "0" is no id on the wire (LightspeedId refuses it); "misc" cannot clash with Lightspeed's decimal ids.
    private static readonly LightspeedId Id = new("misc");

    /// <summary>The external id of the miscellaneous product (and of its price) in <paramref name="accountId"/>: <c>{accountId}-misc</c>.</summary>
    public static ExternalId ExternalIdIn(LightspeedId accountId) => new(accountId, Id);
}
