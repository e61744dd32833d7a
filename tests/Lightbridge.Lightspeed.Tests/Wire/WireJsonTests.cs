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

    // The converters read ASCII values from their UTF-8 bytes and everything else through a string; both must agree.
    [TestCase("2021-06-06T15:19:18+00:00")]
    [TestCase("2021-06-06T15:19:18Z")]
    [TestCase("2021-06-06T10:19:18-05:00")]
    [TestCase("2021-06-07T01:49:18+10:30")]
    [TestCase(" 2021-06-06T15:19:18+00:00\\t")]
    [TestCase("2021-06-06T15:19:18")]
    [TestCase("2021-06-06 15:19:18+00:00")]
    [TestCase("2021-06-06T15:19:18.250+00:00")]
    [TestCase("2024-02-29T23:59:59+14:00")]
    [TestCase("2023-02-29T10:00:00+00:00")]
    [TestCase("2021-13-06T15:19:18+00:00")]
    [TestCase("2021-06-06T24:00:00+00:00")]
    [TestCase("2021-06-06T15:19:18+15:00")]
    [TestCase("0001-01-01T00:00:00+01:00")]
    [TestCase("2021-06-06T15:19:18+0000")]
    [TestCase("2021-06-06T15:19:1x+00:00")]
    [TestCase("\u0032021-06-06T15:19:18+00:00")]
    [TestCase("2021-06-06T15:19:18+00:00\u00a0")]
    [TestCase("garbage")]
    public void Deserialize_Instant_ReadsAsTheFullParserReadsItsText(string wire)
    {
        var text = JsonDocument.Parse($"\"{wire}\"").RootElement.GetString();

        var sale = Read<SaleDto>($$"""{"completeTime":"{{wire}}"}""");

        Assert.That(sale.CompleteTime, Is.EqualTo(Lightbridge.Lightspeed.Wire.Converters.WireInstantConverter.Parse(text)));
        Assert.That(sale.CompleteTime?.Offset ?? TimeSpan.Zero, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase("12.50", 12.50, false)]
    [TestCase(" 12.5 ", 12.5, false)]
    [TestCase("\\t-3\\n", -3, false)]
    [TestCase("1e3", 1000, false)]
    [TestCase("\u0031\u0032", 12, false)]
    [TestCase("\u00a012", 12, false)]
    [TestCase("\u00a0", null, false)]
    [TestCase("   ", null, false)]
    [TestCase("12,50", null, true)]
    [TestCase("1e400", null, true)]
    [TestCase("NaN", null, true)]
    [TestCase("１２", null, true)]
    public void Deserialize_AmountAsText_ReadsAsTheInvariantParserReadsIt(string wire, double? expected, bool malformed)
    {
        var sale = Read<SaleDto>($$"""{"calcTotal":"{{wire}}"}""");

        Assert.That(sale.CalcTotal.Value, Is.EqualTo(expected is { } value ? (decimal)value : null));
        Assert.That(sale.CalcTotal.Malformed, Is.EqualTo(malformed));
    }

    [TestCase("true", true)]
    [TestCase("TRUE", true)]
    [TestCase(" True ", true)]
    [TestCase("1", true)]
    [TestCase("yes", true)]
    [TestCase("Yes\\n", true)]
    [TestCase("\u0074rue", true)]
    [TestCase("\u00a0true", true)]
    [TestCase("false", false)]
    [TestCase("0", false)]
    [TestCase("11", false)]
    [TestCase("truee", false)]
    [TestCase("", false)]
    public void Deserialize_BooleanAsText_ReadsTrueOnlyForTrueOneOrYes(string wire, bool expected)
    {
        Assert.That(Read<SaleDto>($$"""{"completed":"{{wire}}"}""").Completed, Is.EqualTo(expected));
    }

    private static T Read<T>(string json)
        where T : class
    {
        using var document = JsonDocument.Parse(json);
        return WireJson.Deserialize<T>(document.RootElement);
    }
}
