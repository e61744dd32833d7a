using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Mapping;
using Lightbridge.Lightspeed.Wire.Dtos;
using static Lightbridge.Lightspeed.Tests.Mapping.MappingFixtures;

namespace Lightbridge.Lightspeed.Tests.Mapping;

public sealed class CatalogMapperTests
{
    [Test]
    public void Map_ItemWithPriceLevelsAndStock_MapsAll()
    {
        var item = CatalogMapper.Map(Read<ItemDto>("""
            {"itemID":"55","systemSku":"210000000055","customSku":"TSHIRT-M","manufacturerSku":"","upc":"012345678905","ean":"",
             "description":"T-shirt M","archived":"false","itemType":"default","timeStamp":"2024-01-01T00:00:00+00:00",
             "Prices":{"ItemPrice":[{"amount":"34.95","useTypeID":"1","useType":"Default"},{"amount":"39","useTypeID":"2","useType":"MSRP"}]},
             "ItemShops":{"ItemShop":[{"itemShopID":"1","itemID":"55","shopID":"0","qoh":"12","reorderPoint":"0","reorderLevel":"0"},
                                      {"itemShopID":"2","itemID":"55","shopID":"1","qoh":"-1","reorderPoint":"2","reorderLevel":"6"}]}}
            """));

        Assert.That(item.DefaultPrice, Is.EqualTo(34.95m));
        Assert.That(item.Prices.Select(p => p.UseType), Is.EqualTo(new[] { "Default", "MSRP" }));
        Assert.That(item.ManufacturerSku, Is.Null);
        Assert.That(item.ItemType, Is.EqualTo(ItemType.Default));
        Assert.That(item.ItemShops, Has.Count.EqualTo(2));
        Assert.That(item.ItemShops[0].IsAllShopsSummary, Is.True);
        Assert.That(item.ItemShops[1].QuantityOnHand, Is.EqualTo(-1m));
        Assert.That(item.ItemShops[1].ReorderLevel, Is.EqualTo(6m));
    }

    [Test]
    public void Map_ItemWithOnePriceAsObject_AndUnknownType()
    {
        var item = CatalogMapper.Map(Read<ItemDto>("""
            {"itemID":"56","description":"Gift wrap","itemType":"something_new","Prices":{"ItemPrice":{"amount":"2","useTypeID":"1","useType":"Default"}}}
            """));

        Assert.That(item.DefaultPrice, Is.EqualTo(2m));
        Assert.That(item.ItemType, Is.EqualTo(ItemType.Unknown));
        Assert.That(item.ItemShops, Is.Empty);
    }

    [Test]
    public void Map_ShopAndRegisterAndPaymentType()
    {
        var shop = CatalogMapper.Map(Read<ShopDto>("""{"shopID":"1","name":"Queen St","timeZone":"US/Eastern","archived":"false"}"""));
        var register = CatalogMapper.Map(Read<RegisterDto>("""{"registerID":"3","name":"Till 1","shopID":"1","archived":"false"}"""));
        var type = CatalogMapper.Map(Read<PaymentTypeDto>("""{"paymentTypeID":"4","name":"Visa","type":"credit card","archived":"false"}"""));

        Assert.That(shop.TimeZone, Is.EqualTo("US/Eastern"));
        Assert.That(register.ShopId, Is.EqualTo(new LightspeedId("1")));
        Assert.That(type.Kind, Is.EqualTo(PaymentKind.CreditCard));
    }
}
