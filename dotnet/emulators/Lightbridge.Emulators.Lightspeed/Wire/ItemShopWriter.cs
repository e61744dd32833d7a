using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Data;

namespace Lightbridge.Emulators.Lightspeed.Wire;

/// <summary>An ItemShop row; <c>averageCost</c> is only populated on the shopID 0 summary (reference section 3, Item).</summary>
internal static class ItemShopWriter
{
    public static void Write(Utf8JsonWriter w, ItemShopRecord s)
    {
        w.WriteStartObject();
        w.Id("itemShopID", s.ItemShopId);
        w.Id("qoh", s.Qoh);
        w.Id("sellable", Math.Max(0, s.Qoh));
        w.Id("backorder", s.Backorder);
        w.Id("componentQoh", 0);
        w.Id("componentBackorder", 0);
        w.Id("reorderPoint", s.ReorderPoint);
        w.Id("reorderLevel", s.ReorderLevel);
        w.Time("timeStamp", s.TimeStamp);
        w.Id("itemID", s.ItemId);
        w.Id("shopID", s.ShopId);
        w.Money("averageCost", s.ShopId == 0 ? s.AverageCost : 0m);
        w.WriteEndObject();
    }
}
