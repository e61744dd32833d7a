using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Mapping;
using Lightbridge.Lightspeed.Wire.Dtos;
using static Lightbridge.Lightspeed.Tests.Mapping.MappingFixtures;

namespace Lightbridge.Lightspeed.Tests.Mapping;

public sealed class SaleMapperTests
{
    [Test]
    public void Map_CompletedSaleWithLinesAndSplitPayments_MapsAmountsAndRelations()
    {
        var sale = Map("""
            {"saleID":"100","shopID":"1","registerID":"3","customerID":"7","employeeID":"2","ticketNumber":"220000000002",
             "completed":"true","voided":"false","completeTime":"2024-05-01T18:30:00+00:00","createTime":"2024-05-01T18:20:00+00:00",
             "updatetime":"2024-05-01T18:31:00+00:00","timeStamp":"2024-05-01T18:30:00+00:00",
             "calcSubtotal":"69.9","calcDiscount":"3.5","calcTax1":"8.632","calcTax2":"0.5","calcTotal":"75.53","total":"75.53",
             "SaleLines":{"SaleLine":[
               {"saleLineID":"1","saleID":"100","itemID":"55","unitQuantity":"2","unitPrice":"34.95","calcLineDiscount":"3.5",
                "calcTax1":"8.632","calcTax2":"0","calcTotal":"75.032","parentSaleLineID":"0"},
               {"saleLineID":"2","saleID":"100","itemID":"0","unitQuantity":"1","unitPrice":"0.5","calcTax2":"0.5","calcTotal":"1","parentSaleLineID":"0"}]},
             "SalePayments":{"SalePayment":[
               {"salePaymentID":"9","saleID":"100","paymentTypeID":"1","amount":"50","createTime":"2024-05-01T18:29:00+00:00",
                "PaymentType":{"paymentTypeID":"1","name":"Cash","type":"cash"}},
               {"salePaymentID":"10","saleID":"100","paymentTypeID":"4","amount":"25.53",
                "PaymentType":{"paymentTypeID":"4","name":"Visa","type":"credit card"}}]}}
            """);

        Assert.That(sale.Id, Is.EqualTo(new LightspeedId("100")));
        Assert.That(sale.Status, Is.EqualTo(SaleStatus.Completed));
        Assert.That(sale.TimeZone, Is.EqualTo("America/Toronto"));
        Assert.That(sale.Tax, Is.EqualTo(9.132m));
        Assert.That(sale.Total, Is.EqualTo(75.53m));
        Assert.That(sale.Subtotal, Is.EqualTo(69.9m));
        Assert.That(sale.Discount, Is.EqualTo(3.5m));
        Assert.That(sale.IsRefund, Is.False);
        Assert.That(sale.IsWalkIn, Is.False);
        Assert.That(sale.UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 18, 31, 0, TimeSpan.Zero)));
        Assert.That(sale.CompletedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 18, 30, 0, TimeSpan.Zero)));
        Assert.That(sale.Lines, Has.Count.EqualTo(2));
        Assert.That(sale.Lines[0].LineTotal, Is.EqualTo(75.032m), "line amounts stay unrounded");
        Assert.That(sale.Lines[0].ParentLineId, Is.Null);
        Assert.That(sale.Lines[1].IsMisc, Is.True);
        Assert.That(sale.Lines[1].Tax, Is.EqualTo(0.5m));
        Assert.That(sale.Payments.Select(p => (p.PaymentTypeName, p.PaymentKind, p.Amount)),
            Is.EqualTo(new[] { ("Cash", (PaymentKind?)PaymentKind.Cash, 50m), ("Visa", PaymentKind.CreditCard, 25.53m) }));
    }

    [Test]
    public void Map_MalformedAmounts_AreNamedOnTheirRecordNotReadAsSilentZeros()
    {
        var sale = Map("""
            {"saleID":"100","shopID":"1","completed":"true","calcSubtotal":"69.9","calcTax1":"8,63","calcTotal":"75.53",
             "SaleLines":{"SaleLine":{"saleLineID":"1","saleID":"100","itemID":"55","unitQuantity":"two","unitPrice":"34.95","calcTotal":"69.9"}},
             "SalePayments":{"SalePayment":{"salePaymentID":"9","saleID":"100","amount":{"value":"75.53"}}}}
            """);

        Assert.That(sale.MalformedFields, Is.EqualTo(new[] { "calcTax1" }));
        Assert.That(sale.Total, Is.EqualTo(75.53m), "the good amounts are still read");
        Assert.That(sale.Lines[0].MalformedFields, Is.EqualTo(new[] { "unitQuantity" }));
        Assert.That(sale.Payments[0].MalformedFields, Is.EqualTo(new[] { "amount" }));
    }

    [Test]
    public void Map_WellFormedAndBlankAmounts_AreNotMalformed()
    {
        var sale = Map("""{"saleID":"5","completed":"true","calcSubtotal":"","calcDiscount":"0","calcTotal":10}""");

        Assert.That(sale.MalformedFields, Is.Empty);
        Assert.That(sale.Subtotal, Is.Zero);
    }

    [Test]
    public void Map_WalkInSale_CustomerIsNull()
    {
        var sale = Map("""{"saleID":"5","customerID":"0","completed":"true","calcTotal":"10"}""");

        Assert.That(sale.CustomerId, Is.Null);
        Assert.That(sale.IsWalkIn, Is.True);
    }

    [Test]
    public void Map_RefundSale_NegativeQuantityAndParentLine_IsRefund()
    {
        var sale = Map("""
            {"saleID":"101","completed":"true","calcSubtotal":"-34.95","calcTax1":"-4.37","total":"-39.32",
             "SaleLines":{"SaleLine":{"saleLineID":"3","itemID":"55","unitQuantity":"-1","unitPrice":"34.95","calcTotal":"-39.32","parentSaleLineID":"1"}},
             "SalePayments":{"SalePayment":{"salePaymentID":"11","paymentTypeID":"1","amount":"-39.32"}}}
            """);

        Assert.That(sale.IsRefund, Is.True);
        Assert.That(sale.Lines[0].Quantity, Is.EqualTo(-1m));
        Assert.That(sale.Lines[0].UnitPrice, Is.EqualTo(34.95m));
        Assert.That(sale.Lines[0].ParentLineId, Is.EqualTo(new LightspeedId("1")));
        Assert.That(sale.Payments[0].Amount, Is.EqualTo(-39.32m));
        Assert.That(sale.Payments[0].PaymentTypeName, Is.Null, "PaymentType relation not loaded");
        Assert.That(sale.Total, Is.EqualTo(-39.32m));
    }

    [Test]
    public void Map_RefundWithoutLoadedLines_NegativeTotal_IsRefund()
    {
        Assert.That(Map("""{"saleID":"102","completed":"true","total":"-5"}""").IsRefund, Is.True);
    }

    [Test]
    public void Map_VoidedSale_StaysCompletedOnTheWire_IsVoided()
    {
        var sale = Map("""{"saleID":"103","completed":"true","voided":"true","completeTime":"2024-05-01T18:30:00+00:00","total":"20"}""");

        Assert.That(sale.Status, Is.EqualTo(SaleStatus.Voided));
        Assert.That(sale.CompletedAt, Is.Not.Null);
    }

    [Test]
    public void Map_OpenSale_HasNoCompletionTimeAndNoRelations()
    {
        var sale = Map("""{"saleID":"104","completed":"false","timeStamp":"2024-05-01T18:30:00+00:00","calcSubtotal":"10","calcTax1":"1"}""");

        Assert.That(sale.Status, Is.EqualTo(SaleStatus.Open));
        Assert.That(sale.CompletedAt, Is.Null);
        Assert.That(sale.Lines, Is.Empty);
        Assert.That(sale.Payments, Is.Empty);
        Assert.That(sale.UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 18, 30, 0, TimeSpan.Zero)), "timeStamp when updatetime is absent");
        Assert.That(sale.Total, Is.EqualTo(11m), "subtotal - discount + tax when no total is sent");
    }

    [Test]
    public void Map_InstantWithOffset_IsStoredInUtc()
    {
        var sale = Map("""{"saleID":"105","completed":"true","completeTime":"2024-05-01T14:30:00-04:00"}""");

        Assert.That(sale.CompletedAt!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(sale.CompletedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 18, 30, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Map_SaleWithoutId_Throws()
    {
        Assert.That(() => Map("""{"saleID":"0"}"""), Throws.InstanceOf<System.Text.Json.JsonException>());
    }

    [Test]
    public void Map_SaleVoid_MapsIds()
    {
        var saleVoid = SaleMapper.Map(Read<SaleVoidDto>("""{"saleVoidID":"1","saleID":"103","shopID":"1","employeeID":"0","reason":"wrong item","createTime":"2024-05-02T09:00:00+00:00"}"""));

        Assert.That(saleVoid.SaleId, Is.EqualTo(new LightspeedId("103")));
        Assert.That(saleVoid.EmployeeId, Is.Null);
        Assert.That(saleVoid.Reason, Is.EqualTo("wrong item"));
    }

    private static Sale Map(string json) => SaleMapper.Map(Read<SaleDto>(json), TorontoAndParis);
}
