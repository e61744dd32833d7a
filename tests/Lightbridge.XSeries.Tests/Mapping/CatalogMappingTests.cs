using Lightbridge.Core.Model;
using static Lightbridge.XSeries.Tests.Support.XSeriesHarness;

namespace Lightbridge.XSeries.Tests.Mapping;

/// <summary>Products, inventory, outlets and registers read over HTTP into canonical records.</summary>
public sealed class CatalogMappingTests
{
    [Test]
    public async Task GetProductsAsync_ActiveInactiveDeletedAndMalformed_MapsSkuNamePriceAndArchived()
    {
        await using var harness = await StartAsync(request => request.Param("after") is null
            ? Page("""
                {"id":"p-1","sku":"MUG-01","name":"Mug","supplier_code":"SUP-9","price_excluding_tax":12.5,"active":true,"has_inventory":true,
                 "created_at":"2024-01-01T00:00:00+00:00","updated_at":"2024-01-05T00:00:00+00:00","version":10},
                {"id":"p-2","sku":"GIFT","name":"Gift wrap","price_excluding_tax":"2.00","active":false,"has_inventory":false,"version":11},
                {"id":"p-3","sku":"OLD","name":"Old kit","price_excluding_tax":40,"active":true,"is_composite":true,"deleted_at":"2024-02-01T00:00:00+00:00","version":12},
                {"id":"p-4","sku":" ","name":"Bad price","price_excluding_tax":"twelve","active":true,"version":13}
                """, max: 13)
            : EndPage());

        var products = await ToListAsync(harness.Client.GetProductsAsync(null));

        Assert.That(products.Select(p => (p.Id.Value, p.CustomSku, p.Description, p.DefaultPrice, p.Archived, p.ItemType)), Is.EqualTo(new[]
        {
            ("p-1", (string?)"MUG-01", "Mug", (decimal?)12.5m, false, ItemType.Default),
            ("p-2", "GIFT", "Gift wrap", 2.00m, true, ItemType.NonInventory),
            ("p-3", "OLD", "Old kit", 40m, true, ItemType.Assembly),
            ("p-4", null, "Bad price", null, false, ItemType.Default),
        }));
        Assert.That(products[0].ManufacturerSku, Is.EqualTo("SUP-9"));
        Assert.That(products[0].Prices, Is.EqualTo(new[] { new ItemPrice("Default", null, 12.5m) }));
        Assert.That(products[0].UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(products[3].MalformedFields, Is.EqualTo(new[] { "price_excluding_tax" }), "validation queues it as MoneyParses");
        Assert.That(products.Select(p => p.ChangeVersion), Is.EqualTo(new long?[] { 10, 11, 12, 13 }));
        Assert.That(products.Select(p => p.ItemShops.Count), Is.All.Zero);
    }

    [Test]
    public async Task GetInventoryAsync_Levels_MapToItemShopsWithTheTargetLevel()
    {
        await using var harness = await StartAsync(request => request.Param("after") is null
            ? Page("""
                {"id":"inv-1","product_id":"p-1","outlet_id":"o-1","inventory_level":-2,"reorder_point":5,"reorder_amount":20,"version":500},
                {"id":"inv-2","product_id":"p-1","outlet_id":"o-2","current_amount":"7","reorder_point":null,"version":501}
                """, max: 501)
            : EndPage());

        var stock = await ToListAsync(harness.Client.GetInventoryAsync(null));

        Assert.That(stock.Select(s => (s.Id.Value, s.ItemId.Value, s.ShopId?.Value, s.QuantityOnHand, s.ReorderPoint, s.ReorderLevel, s.ChangeVersion)),
            Is.EqualTo(new[]
            {
                ("inv-1", "p-1", (string?)"o-1", -2m, 5m, 25m, (long?)500),
                ("inv-2", "p-1", "o-2", 7m, 0m, 0m, 501),
            }));
        Assert.That(stock.All(s => s.MalformedFields.Count == 0));
    }

    [Test]
    public async Task GetOutletsAndRegistersAsync_MapShopsWithTimeZonesAndRegistersWithTheirOutlet()
    {
        await using var harness = await StartAsync(request => (request.Path, request.Param("after")) switch
        {
            ("/api/2.0/outlets", null) => Page("""
                {"id":"o-1","name":"Wellington","time_zone":"Pacific/Auckland","version":2},
                {"id":"o-2","name":"Closed store","time_zone":"Australia/Sydney","deleted_at":"2025-01-01T00:00:00+00:00","version":4}
                """, max: 4),
            ("/api/2.0/registers", null) => Page("""{"id":"r-1","name":"Main till","outlet_id":"o-1","version":8}""", max: 8),
            _ => EndPage(),
        });

        var outlets = await ToListAsync(harness.Client.GetOutletsAsync());
        var registers = await ToListAsync(harness.Client.GetRegistersAsync());

        Assert.That(outlets.Select(o => (o.Id.Value, o.Name, o.TimeZone, o.Archived, o.ChangeVersion)), Is.EqualTo(new[]
        {
            ("o-1", "Wellington", "Pacific/Auckland", false, (long?)2),
            ("o-2", "Closed store", "Australia/Sydney", true, 4),
        }));
        Assert.That(registers.Single(), Is.EqualTo(new Register(new LightspeedId("r-1"), new LightspeedId("o-1"), "Main till", false)));
    }
}
