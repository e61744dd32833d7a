using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>Normalizes an item for <c>Product2</c>.</summary>
public static class ItemNormalizer
{
    /// <summary>Normalizes <paramref name="item"/> of <paramref name="account"/>.</summary>
    public static NormalizedItem Normalize(Item item, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(account);
        return new NormalizedItem(
            item,
            new ExternalId(account.AccountId, item.Id),
            item.Description?.Trim() ?? string.Empty,
            Clean(item.CustomSku) ?? Clean(item.SystemSku) ?? Clean(item.ManufacturerSku),
            item.DefaultPrice is { } price ? MoneyRounding.ToCurrency(price) : null);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
