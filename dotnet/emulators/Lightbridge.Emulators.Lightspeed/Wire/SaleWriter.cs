using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Data;

namespace Lightbridge.Emulators.Lightspeed.Wire;

/// <summary>
/// A Sale with its loaded relations (reference sections 3 and 9). <c>completeTime</c> is absent on open sales,
/// the spelling is <c>updatetime</c>, sale-level amounts are rounded to cents while line amounts are not, and
/// empty relations (no lines, no payments, walk-in customer) are missing rather than empty.
/// </summary>
internal static class SaleWriter
{
    public static void Write(Utf8JsonWriter w, SaleRecord s, IReadOnlySet<string> relations, EmulatorStore store)
    {
        var total = s.Total;
        var payments = s.CalcPayments;
        w.WriteStartObject();
        w.Id("saleID", s.SaleId);
        w.Time("timeStamp", s.TimeStamp);
        w.Str("discountPercent", "0");
        w.Bool("completed", s.Completed);
        w.Bool("archived", false);
        w.Bool("voided", s.Voided);
        w.Bool("enablePromotions", true);
        w.Bool("isTaxInclusive", false);
        w.Bool("tipEnabled", false);
        w.Time("createTime", s.CreateTime);
        w.Time("updatetime", s.UpdateTime);
        if (s.CompleteTime is { } completeTime)
        {
            w.Time("completeTime", completeTime);
        }

        w.Str("referenceNumber", string.Empty);
        w.Str("referenceNumberSource", string.Empty);
        w.Exact("tax1Rate", s.Tax1Rate);
        w.Exact("tax2Rate", s.Tax2Rate);
        w.Str("change", "0");
        w.Str("receiptPreference", "printed");
        w.Str("displayableSubtotal", WireFormat.Money(s.CalcSubtotal - s.CalcDiscount));
        w.Str("ticketNumber", s.TicketNumber);
        w.Money("calcDiscount", s.CalcDiscount);
        w.Money("calcTotal", total);
        w.Money("calcSubtotal", s.CalcSubtotal);
        w.Money("calcTaxable", s.Lines.Where(l => l.Tax1Rate != 0).Sum(l => SaleRecord.Round(l.DisplayableSubtotal)));
        w.Money("calcNonTaxable", s.Lines.Where(l => l.Tax1Rate == 0).Sum(l => SaleRecord.Round(l.DisplayableSubtotal)));
        w.Money("calcAvgCost", s.CalcAvgCost);
        w.Money("calcFIFOCost", s.CalcAvgCost);
        w.Money("calcTax1", s.CalcTax1);
        w.Money("calcTax2", s.CalcTax2);
        w.Money("calcPayments", payments);
        w.Str("calcTips", "0");
        w.Money("total", total);
        w.Money("totalDue", total);
        w.Money("displayableTotal", total);
        w.Money("balance", total - payments);
        w.Id("customerID", s.CustomerId);
        w.Id("discountID", 0);
        w.Id("employeeID", s.EmployeeId);
        w.Id("quoteID", 0);
        w.Id("registerID", s.RegisterId);
        w.Id("shipToID", 0);
        w.Id("shopID", s.ShopId);
        w.Id("taxCategoryID", s.ShopId);
        w.Id("tipEmployeeID", 0);
        w.Money("taxTotal", s.CalcTax1 + s.CalcTax2);

        if (relations.Contains("Customer") && store.Customers.Find(s.CustomerId) is { } customer)
        {
            w.WritePropertyName("Customer");
            CustomerWriter.Write(w, customer, relations.Contains("Customer.Contact"));
        }

        if (relations.Contains("SaleLines"))
        {
            var withItem = relations.Contains("SaleLines.Item");
            w.OneOrMany("SaleLines", "SaleLine", s.Lines, emptyAsString: false, (w, l) => WriteLine(w, l, withItem ? store.Items.Find(l.ItemId) : null));
        }

        if (relations.Contains("SalePayments"))
        {
            var withType = relations.Contains("SalePayments.PaymentType");
            w.OneOrMany("SalePayments", "SalePayment", s.Payments, emptyAsString: false, (w, p) => WritePayment(w, p, withType ? store.PaymentTypes.Find(p.PaymentTypeId) : null));
        }

        w.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter w, SaleLineRecord l, ItemRecord? item)
    {
        w.WriteStartObject();
        w.Id("saleLineID", l.SaleLineId);
        w.Time("createTime", l.CreateTime);
        w.Time("timeStamp", l.TimeStamp);
        w.Id("unitQuantity", l.UnitQuantity);
        w.Money("unitPrice", l.UnitPrice);
        w.Money("normalUnitPrice", l.UnitPrice);
        w.Exact("discountAmount", 0m);
        w.Exact("discountPercent", l.DiscountPercent);
        w.Money("avgCost", l.AvgCost);
        w.Money("fifoCost", l.AvgCost);
        w.Bool("tax", l.Tax1Rate != 0 || l.Tax2Rate != 0);
        w.Exact("tax1Rate", l.Tax1Rate);
        w.Exact("tax2Rate", l.Tax2Rate);
        w.Bool("isLayaway", false);
        w.Bool("isWorkorder", false);
        w.Bool("isSpecialOrder", false);
        w.Exact("displayableSubtotal", l.DisplayableSubtotal);
        w.Money("displayableUnitPrice", l.UnitPrice);
        w.Str("lineType", string.Empty);
        w.Exact("calcLineDiscount", l.CalcLineDiscount);
        w.Str("calcTransactionDiscount", "0");
        w.Exact("calcTotal", l.CalcTotal);
        w.Exact("calcSubtotal", l.CalcSubtotal);
        w.Exact("calcTax1", l.CalcTax1);
        w.Exact("calcTax2", l.CalcTax2);
        w.Id("taxClassID", l.TaxClassId);
        w.Id("customerID", l.CustomerId);
        w.Id("discountID", 0);
        w.Id("employeeID", l.EmployeeId);
        w.Id("itemID", l.ItemId);
        w.Id("noteID", 0);
        w.Id("parentSaleLineID", l.ParentSaleLineId);
        w.Id("shopID", l.ShopId);
        w.Id("taxCategoryID", l.ShopId);
        w.Id("saleID", l.SaleId);
        w.Id("itemFeeID", 0);
        if (item is not null)
        {
            w.WritePropertyName("Item");
            ItemWriter.Write(w, item, null);
        }

        w.WriteEndObject();
    }

    private static void WritePayment(Utf8JsonWriter w, SalePaymentRecord p, PaymentTypeRecord? type)
    {
        w.WriteStartObject();
        w.Id("salePaymentID", p.SalePaymentId);
        w.Money("amount", p.Amount);
        w.Str("tipAmount", "0");
        w.Time("createTime", p.CreateTime);
        w.Bool("archived", false);
        w.Str("remoteReference", string.Empty);
        w.Str("paymentID", string.Empty);
        w.Id("saleID", p.SaleId);
        w.Id("paymentTypeID", p.PaymentTypeId);
        w.Id("ccChargeID", 0);
        w.Id("refPaymentID", p.RefPaymentId);
        w.Id("registerID", p.RegisterId);
        w.Id("employeeID", p.EmployeeId);
        w.Id("creditAccountID", 0);
        if (type is not null)
        {
            w.WritePropertyName("PaymentType");
            SimpleWriters.PaymentType(w, type);
        }

        w.WriteEndObject();
    }
}
