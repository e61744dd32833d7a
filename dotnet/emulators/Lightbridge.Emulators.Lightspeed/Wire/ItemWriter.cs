using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Data;

namespace Lightbridge.Emulators.Lightspeed.Wire;

/// <summary>An Item with <c>Prices.ItemPrice</c> inline (as the doc samples show) and, if loaded, <c>ItemShops</c>.</summary>
internal static class ItemWriter
{
    public static void Write(Utf8JsonWriter w, ItemRecord i, IReadOnlyList<ItemShopRecord>? itemShops)
    {
        w.WriteStartObject();
        w.Id("itemID", i.ItemId);
        w.Str("systemSku", i.SystemSku);
        w.Money("defaultCost", i.DefaultCost);
        w.Money("avgCost", i.DefaultCost);
        w.Bool("discountable", i.Discountable);
        w.Bool("tax", i.Tax);
        w.Bool("archived", i.Archived);
        w.Str("itemType", i.ItemType);
        w.Bool("serialized", false);
        w.Str("description", i.Description);
        w.Id("modelYear", i.ModelYear);
        w.Str("upc", i.Upc);
        w.Str("ean", i.Ean);
        w.Str("customSku", i.CustomSku);
        w.Str("manufacturerSku", i.ManufacturerSku);
        w.Time("createTime", i.CreateTime);
        w.Time("timeStamp", i.TimeStamp);
        w.Bool("publishToEcom", false);
        w.Id("categoryID", i.CategoryId);
        w.Id("taxClassID", i.TaxClassId);
        w.Id("departmentID", 0);
        w.Id("itemMatrixID", 0);
        w.Id("manufacturerID", i.ManufacturerId);
        w.Id("seasonID", 0);
        w.Id("defaultVendorID", i.DefaultVendorId);
        if (itemShops is not null)
        {
            w.OneOrMany("ItemShops", "ItemShop", itemShops, emptyAsString: false, ItemShopWriter.Write);
        }

        w.WriteStartObject("Prices");
        w.WriteStartArray("ItemPrice");
        Price(w, i.PriceDefault, 1, "Default");
        Price(w, i.PriceMsrp, 2, "MSRP");
        Price(w, i.PriceOnline, 3, "Online");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Price(Utf8JsonWriter w, decimal amount, int useTypeId, string useType)
    {
        w.WriteStartObject();
        w.Money("amount", amount);
        w.Id("useTypeID", useTypeId);
        w.Str("useType", useType);
        w.WriteEndObject();
    }
}
