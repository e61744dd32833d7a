using System.Text;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>Normalizes a shop, deriving its <c>Store_Code__c</c>.</summary>
public static class ShopNormalizer
{
    /// <summary>The length of <c>Store_Code__c</c> (Text 20).</summary>
    public const int StoreCodeMaxLength = 20;

    /// <summary>Normalizes <paramref name="shop"/> of <paramref name="account"/>.</summary>
    public static NormalizedShop Normalize(Shop shop, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(account);
        var id = new ExternalId(account.AccountId, shop.Id);
        return new NormalizedShop(shop, id, shop.Name.Trim(), StoreCode(id, shop.Name), account.CurrencyFor(shop.Id));
    }

    /// <summary>
    /// Derives the store code: the shop name reduced to upper-case letters and digits, then the account and shop ids,
    /// e.g. <c>DOWNTOWN-120645-1</c>. The ids keep the code unique across accounts in one org (the field is unique and
    /// sharing rules key on it); the name keeps it readable in sharing rules and reports.
    /// </summary>
    public static string StoreCode(ExternalId shopId, string? shopName)
    {
        var suffix = $"{shopId.AccountId.Value}-{shopId.EntityId.Value}";
        if (suffix.Length >= StoreCodeMaxLength)
        {
            return suffix[^StoreCodeMaxLength..];
        }

        var room = StoreCodeMaxLength - suffix.Length - 1;
        var name = new StringBuilder(room);
        foreach (var c in (shopName ?? string.Empty).ToUpperInvariant())
        {
            if (name.Length == room)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
        }

        return name.Length == 0 ? suffix : $"{name}-{suffix}";
    }
}
