using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Wire.Dtos;
using static Lightbridge.Lightspeed.Mapping.WireValues;

namespace Lightbridge.Lightspeed.Mapping;

/// <summary>Maps accounts, shops, registers, items, stock and payment types.</summary>
internal static class CatalogMapper
{
    private static readonly Dictionary<string, ItemType> ItemTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = ItemType.Default,
        ["non_inventory"] = ItemType.NonInventory,
        ["serialized"] = ItemType.Serialized,
        ["box"] = ItemType.Box,
        ["serialized_assembly"] = ItemType.SerializedAssembly,
        ["assembly"] = ItemType.Assembly,
    };

    private static readonly Dictionary<string, PaymentKind> PaymentKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cash"] = PaymentKind.Cash,
        ["credit card"] = PaymentKind.CreditCard,
        ["gift card"] = PaymentKind.GiftCard,
        ["credit account"] = PaymentKind.CreditAccount,
        ["ecom"] = PaymentKind.Ecom,
        ["adjustment"] = PaymentKind.Adjustment,
        ["user defined"] = PaymentKind.UserDefined,
    };

    public static Account Map(AccountDto dto) =>
        new(Required(dto.AccountId, "Account", "accountID"), Text(dto.Name) ?? string.Empty);

    public static Shop Map(ShopDto dto) =>
        new(Required(dto.ShopId, "Shop", "shopID"), Text(dto.Name) ?? string.Empty, Text(dto.TimeZone) ?? string.Empty, dto.Archived, dto.TimeStamp);

    public static Register Map(RegisterDto dto) =>
        new(Required(dto.RegisterId, "Register", "registerID"), Reference(dto.ShopId), Text(dto.Name) ?? string.Empty, dto.Archived);

    public static Item Map(ItemDto dto)
    {
        var id = Required(dto.ItemId, "Item", "itemID");
        var malformed = new List<string>();
        var prices = new List<ItemPrice>();
        foreach (var price in dto.Prices?.ItemPrice ?? [])
        {
            if (price.Amount.Malformed)
            {
                malformed.Add($"Prices.ItemPrice[{Text(price.UseType) ?? price.UseTypeId}].amount");
            }
            else if (price.Amount.Value is { } amount)
            {
                prices.Add(new ItemPrice(Text(price.UseType) ?? string.Empty, Reference(price.UseTypeId), amount));
            }
        }

        // The Default level is use type 1; older records may carry only one of the name and the id.
        var defaultPrice = prices.FirstOrDefault(p => p.UseType.Equals("Default", StringComparison.OrdinalIgnoreCase) || p.UseTypeId?.Value == "1")?.Amount;
        var itemShops = (dto.ItemShops?.ItemShop ?? []).Select(s => Map(s, id)).ToList();
        return new Item(
            id,
            Text(dto.SystemSku),
            Text(dto.CustomSku),
            Text(dto.ManufacturerSku),
            Text(dto.Upc),
            Text(dto.Ean),
            Text(dto.Description) ?? string.Empty,
            defaultPrice,
            prices,
            dto.Archived,
            Word(dto.ItemType, ItemTypes, ItemType.Unknown),
            dto.CreateTime,
            dto.TimeStamp,
            itemShops)
        {
            MalformedFields = malformed,
        };
    }

    public static ItemShop Map(ItemShopDto dto, LightspeedId? owningItem = null)
    {
        var malformed = new List<string>();
        return new(
            Required(dto.ItemShopId, "ItemShop", "itemShopID"),
            Reference(dto.ItemId) ?? owningItem ?? Required(dto.ItemId, "ItemShop", "itemID"),
            Reference(dto.ShopId),
            Amount(dto.Qoh, "qoh", malformed),
            Amount(dto.ReorderPoint, "reorderPoint", malformed),
            Amount(dto.ReorderLevel, "reorderLevel", malformed),
            dto.TimeStamp)
        {
            MalformedFields = malformed,
        };
    }

    public static PaymentType Map(PaymentTypeDto dto) =>
        new(Required(dto.PaymentTypeId, "PaymentType", "paymentTypeID"), Text(dto.Name) ?? string.Empty, Kind(dto.Type), dto.Archived);

    public static PaymentKind Kind(string? wire) => Word(wire, PaymentKinds, PaymentKind.Unknown);
}
