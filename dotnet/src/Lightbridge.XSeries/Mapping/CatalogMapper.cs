using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.XSeries.Wire;

namespace Lightbridge.XSeries.Mapping;

/// <summary>Maps outlets, registers, products and inventory records onto Core's canonical records.</summary>
internal static class CatalogMapper
{
    /// <summary>An outlet is a <see cref="Shop"/>; a deleted one comes archived.</summary>
    public static Shop MapOutlet(JsonElement element)
    {
        var wire = new WireRecord(element, "outlet");
        return new Shop(wire.Id(), wire.Text("name") ?? string.Empty, wire.Text("time_zone") ?? string.Empty, wire.IsDeleted, wire.Instant("updated_at"))
        {
            ChangeVersion = wire.OptionalVersion(),
        };
    }

    public static Register MapRegister(JsonElement element)
    {
        var wire = new WireRecord(element, "register");
        return new Register(wire.Id(), wire.Reference("outlet_id"), wire.Text("name") ?? string.Empty, wire.IsDeleted || wire.Flag("is_active") == false);
    }

    /// <summary>
    /// A product is an <see cref="Item"/>. X-Series keeps one price per product, tax excluded, which is the Default level
    /// here; an inactive or deleted product is archived (both hide it from the POS, as R-Series archiving does).
    /// </summary>
    public static Item MapProduct(JsonElement element)
    {
        var wire = new WireRecord(element, "product");
        var malformed = new List<string>();
        var price = wire.Amount("price_excluding_tax", malformed);
        var archived = wire.IsDeleted || wire.Flag("active") == false || wire.Flag("is_active") == false;
        var itemType = wire.Flag("is_composite") == true ? ItemType.Assembly
            : wire.Flag("has_inventory") == false ? ItemType.NonInventory
            : ItemType.Default;
        return new Item(
            wire.Id(),
            SystemSku: null,
            CustomSku: wire.Text("sku"),
            ManufacturerSku: wire.Text("supplier_code"),
            Upc: null,
            Ean: null,
            Description: wire.Text("name") ?? string.Empty,
            DefaultPrice: price,
            Prices: price is { } amount ? [new ItemPrice("Default", null, amount)] : [],
            archived,
            itemType,
            wire.Instant("created_at"),
            wire.Instant("updated_at"),
            ItemShops: [])
        {
            MalformedFields = malformed,
            ChangeVersion = wire.Version(),
        };
    }

    /// <summary>
    /// An inventory record is an <see cref="ItemShop"/>: its own id, the product and the outlet. On hand is
    /// <c>inventory_level</c> (older payloads: <c>current_amount</c>); the level to reorder up to is
    /// <c>reorder_point + reorder_amount</c>, because X-Series sends the amount to order, not the target level.
    /// </summary>
    public static ItemShop MapInventory(JsonElement element)
    {
        var wire = new WireRecord(element, "inventory");
        var malformed = new List<string>();
        var onHand = wire.Amount("inventory_level", malformed) ?? wire.Amount("current_amount", malformed) ?? 0m;
        var reorderPoint = wire.Amount("reorder_point", malformed) ?? 0m;
        var reorderAmount = wire.Amount("reorder_amount", malformed) ?? 0m;
        return new ItemShop(
            wire.Id(),
            wire.Reference("product_id") ?? throw new JsonException("An X-Series inventory record has no product_id."),
            wire.Reference("outlet_id"),
            onHand,
            reorderPoint,
            reorderPoint + reorderAmount,
            wire.Instant("updated_at"))
        {
            MalformedFields = malformed,
            ChangeVersion = wire.Version(),
        };
    }
}
