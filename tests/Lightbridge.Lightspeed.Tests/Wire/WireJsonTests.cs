using System.Text.Json;
using Lightbridge.Lightspeed.Wire;
using Lightbridge.Lightspeed.Wire.Dtos;

namespace Lightbridge.Lightspeed.Tests.Wire;

/// <summary>Literal shapes from shared/reference/lightspeed-api.md §3 and §9.</summary>
public sealed class WireJsonTests
{
    [Test]
    public void Deserialize_EveryValueAString_ParsesNumbersBooleansAndInstants()
    {
        var sale = Read<SaleDto>("""
            {"saleID":"7","completed":"true","voided":"false","calcTotal":"317.1","calcTax1":"11.4860025",
             "completeTime":"2021-06-06T15:19:18+00:00","customerID":"0"}
            """);

        Assert.That(sale.SaleId, Is.EqualTo("7"));
        Assert.That(sale.Completed, Is.True);
        Assert.That(sale.Voided, Is.False);
        Assert.That(sale.CalcTotal.Value, Is.EqualTo(317.1m));
        Assert.That(sale.CalcTax1.Value, Is.EqualTo(11.4860025m));
        Assert.That(sale.CompleteTime, Is.EqualTo(new DateTimeOffset(2021, 6, 6, 15, 19, 18, TimeSpan.Zero)));
        Assert.That(sale.CustomerId, Is.EqualTo("0"));
    }

    [Test]
    public void Deserialize_RealJsonTypes_AreAcceptedToo()
    {
        var sale = Read<SaleDto>("""{"saleID":7,"completed":true,"calcTotal":317.1}""");

        Assert.That(sale.SaleId, Is.EqualTo("7"));
        Assert.That(sale.Completed, Is.True);
        Assert.That(sale.CalcTotal.Value, Is.EqualTo(317.1m));
    }

    [Test]
    public void Deserialize_DecimalsUseInvariantCulture_WhateverTheThreadCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.That(Read<SaleDto>("""{"calcTotal":"1234.56"}""").CalcTotal.Value, Is.EqualTo(1234.56m));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void Deserialize_EmptyStrings_AreNullOrFalse()
    {
        var sale = Read<SaleDto>("""{"saleID":"7","calcTotal":"","completeTime":"","completed":""}""");

        Assert.That(sale.CalcTotal, Is.EqualTo(default(WireNumber)), "blank is absent, not malformed");
        Assert.That(sale.CompleteTime, Is.Null);
        Assert.That(sale.Completed, Is.False);
    }

    [TestCase("updatetime")]
    [TestCase("updateTime")]
    [TestCase("UpdateTime")]
    public void Deserialize_UpdateTimeInAnyCase_IsRead(string name)
    {
        var sale = Read<SaleDto>($$"""{"{{name}}":"2024-03-01T10:00:00+00:00"}""");

        Assert.That(sale.UpdateTime, Is.EqualTo(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Deserialize_UnknownMembersAndNestedObjects_AreIgnored()
    {
        var sale = Read<SaleDto>("""
            {"saleID":"7","itemFeeID":"3","TaxClassTotals":{"Tax":[{"a":"1"}]},"lineType":"item_fee","Customer":{"customerID":"4"}}
            """);

        Assert.That(sale.SaleId, Is.EqualTo("7"));
    }

    [Test]
    public void Deserialize_OneLine_ComesAsObject_ReadsAsListOfOne()
    {
        var sale = Read<SaleDto>("""{"saleID":"7","SaleLines":{"SaleLine":{"saleLineID":"1","unitQuantity":"2"}}}""");

        Assert.That(sale.SaleLines!.SaleLine, Has.Count.EqualTo(1));
        Assert.That(sale.SaleLines.SaleLine[0].UnitQuantity.Value, Is.EqualTo(2m));
    }

    [Test]
    public void Deserialize_ManyLines_ComeAsArray_ReadsAll()
    {
        var sale = Read<SaleDto>("""{"SaleLines":{"SaleLine":[{"saleLineID":"1"},{"saleLineID":"2"}]}}""");

        Assert.That(sale.SaleLines!.SaleLine.Select(l => l.SaleLineId), Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public void Deserialize_MissingRelations_AreNull()
    {
        var sale = Read<SaleDto>("""{"saleID":"7"}""");

        Assert.That(sale.SaleLines, Is.Null);
        Assert.That(sale.SalePayments, Is.Null);
    }

    [Test]
    public void Deserialize_ContactWithEmptyStringParts_ReadsAsEmpty()
    {
        var customer = Read<CustomerDto>("""
            {"customerID":"3","Contact":{"Phones":"","Emails":"","Websites":"","Tags":"",
             "Addresses":{"ContactAddress":{"address1":"","address2":"","city":"","state":"","zip":"","country":"","countryCode":""}}}}
            """);

        Assert.That(customer.Contact, Is.Not.Null);
        Assert.That(customer.Contact!.Phones, Is.Null);
        Assert.That(customer.Contact.Emails, Is.Null);
        Assert.That(customer.Contact.Addresses!.ContactAddress, Has.Count.EqualTo(1));
    }

    [Test]
    public void Deserialize_OneEmailOrTwo_BothShapesRead()
    {
        var one = Read<ContactDto>("""{"Emails":{"ContactEmail":{"address":"a@example.com","useType":"Primary"}}}""");
        var two = Read<ContactDto>("""
            {"Emails":{"ContactEmail":[{"address":"a@example.com","useType":"Primary"},{"address":"b@example.com","useType":"Secondary"}]}}
            """);

        Assert.That(one.Emails!.ContactEmail, Has.Count.EqualTo(1));
        Assert.That(two.Emails!.ContactEmail.Select(e => e.UseType), Is.EqualTo(new[] { "Primary", "Secondary" }));
    }

    [Test]
    public void Deserialize_ListWrapperWithEmptyInnerKey_ReadsAsEmpty()
    {
        var item = Read<ItemDto>("""{"itemID":"1","Prices":{"ItemPrice":""},"ItemShops":""}""");

        Assert.That(item.Prices!.ItemPrice, Is.Empty);
        Assert.That(item.ItemShops, Is.Null);
    }

    [TestCase("\"n/a\"")]
    [TestCase("\"12,50\"")]
    [TestCase("{\"amount\":\"1\"}")]
    [TestCase("[\"1\"]")]
    [TestCase("true")]
    public void Deserialize_GarbageAmount_ReadsAsMalformedRatherThanFailingThePageOrBecomingZero(string wire)
    {
        var sale = Read<SaleDto>($$"""{"calcTotal":{{wire}},"saleID":"7"}""");

        Assert.That(sale.CalcTotal.Malformed, Is.True);
        Assert.That(sale.CalcTotal.Value, Is.Null);
        Assert.That(sale.SaleId, Is.EqualTo("7"), "the rest of the record is still read");
    }

    private static T Read<T>(string json)
        where T : class
    {
        using var document = JsonDocument.Parse(json);
        return WireJson.Deserialize<T>(document.RootElement);
    }
}
