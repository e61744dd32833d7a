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
        Id(w, s.RawFields, "saleID", s.SaleId);
        Time(w, s.RawFields, "timeStamp", s.TimeStamp);
        Str(w, s.RawFields, "discountPercent", "0");
        Bool(w, s.RawFields, "completed", s.Completed);
        Bool(w, s.RawFields, "archived", false);
        Bool(w, s.RawFields, "voided", s.Voided);
        Bool(w, s.RawFields, "enablePromotions", true);
        Bool(w, s.RawFields, "isTaxInclusive", false);
        Bool(w, s.RawFields, "tipEnabled", false);
        Time(w, s.RawFields, "createTime", s.CreateTime);
        Time(w, s.RawFields, "updatetime", s.UpdateTime);
        if (s.CompleteTime is { } completeTime)
        {
            Time(w, s.RawFields, "completeTime", completeTime);
        }

        Str(w, s.RawFields, "referenceNumber", string.Empty);
        Str(w, s.RawFields, "referenceNumberSource", string.Empty);
        Exact(w, s.RawFields, "tax1Rate", s.Tax1Rate);
        Exact(w, s.RawFields, "tax2Rate", s.Tax2Rate);
        Str(w, s.RawFields, "change", "0");
        Str(w, s.RawFields, "receiptPreference", "printed");
        Str(w, s.RawFields, "displayableSubtotal", WireFormat.Money(s.CalcSubtotal - s.CalcDiscount));
        Str(w, s.RawFields, "ticketNumber", s.TicketNumber);
        Money(w, s.RawFields, "calcDiscount", s.CalcDiscount);
        Money(w, s.RawFields, "calcTotal", total);
        Money(w, s.RawFields, "calcSubtotal", s.CalcSubtotal);
        Money(w, s.RawFields, "calcTaxable", s.Lines.Where(l => l.Tax1Rate != 0).Sum(l => SaleRecord.Round(l.DisplayableSubtotal)));
        Money(w, s.RawFields, "calcNonTaxable", s.Lines.Where(l => l.Tax1Rate == 0).Sum(l => SaleRecord.Round(l.DisplayableSubtotal)));
        Money(w, s.RawFields, "calcAvgCost", s.CalcAvgCost);
        Money(w, s.RawFields, "calcFIFOCost", s.CalcAvgCost);
        Money(w, s.RawFields, "calcTax1", s.CalcTax1);
        Money(w, s.RawFields, "calcTax2", s.CalcTax2);
        Money(w, s.RawFields, "calcPayments", payments);
        Str(w, s.RawFields, "calcTips", "0");
        Money(w, s.RawFields, "total", total);
        Money(w, s.RawFields, "totalDue", total);
        Money(w, s.RawFields, "displayableTotal", total);
        Money(w, s.RawFields, "balance", total - payments);
        Id(w, s.RawFields, "customerID", s.CustomerId);
        Id(w, s.RawFields, "discountID", 0);
        Id(w, s.RawFields, "employeeID", s.EmployeeId);
        Id(w, s.RawFields, "quoteID", 0);
        Id(w, s.RawFields, "registerID", s.RegisterId);
        Id(w, s.RawFields, "shipToID", 0);
        Id(w, s.RawFields, "shopID", s.ShopId);
        Id(w, s.RawFields, "taxCategoryID", s.ShopId);
        Id(w, s.RawFields, "tipEmployeeID", 0);
        Money(w, s.RawFields, "taxTotal", s.CalcTax1 + s.CalcTax2);

        if (relations.Contains("Customer") && !Raw(w, s.RawFields, "Customer") && store.Customers.Find(s.CustomerId) is { } customer)
        {
            w.WritePropertyName("Customer");
            CustomerWriter.Write(w, customer, relations.Contains("Customer.Contact"));
        }

        if (relations.Contains("SaleLines") && !Raw(w, s.RawFields, "SaleLines"))
        {
            var withItem = relations.Contains("SaleLines.Item");
            w.OneOrMany("SaleLines", "SaleLine", s.Lines, emptyAsString: false, (w, l) => WriteLine(w, l, withItem ? store.Items.Find(l.ItemId) : null));
        }

        if (relations.Contains("SalePayments") && !Raw(w, s.RawFields, "SalePayments"))
        {
            var withType = relations.Contains("SalePayments.PaymentType");
            w.OneOrMany("SalePayments", "SalePayment", s.Payments, emptyAsString: false, (w, p) => WritePayment(w, p, withType ? store.PaymentTypes.Find(p.PaymentTypeId) : null));
        }

        w.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter w, SaleLineRecord l, ItemRecord? item)
    {
        w.WriteStartObject();
        Id(w, l.RawFields, "saleLineID", l.SaleLineId);
        Time(w, l.RawFields, "createTime", l.CreateTime);
        Time(w, l.RawFields, "timeStamp", l.TimeStamp);
        Id(w, l.RawFields, "unitQuantity", l.UnitQuantity);
        Money(w, l.RawFields, "unitPrice", l.UnitPrice);
        Money(w, l.RawFields, "normalUnitPrice", l.UnitPrice);
        Exact(w, l.RawFields, "discountAmount", 0m);
        Exact(w, l.RawFields, "discountPercent", l.DiscountPercent);
        Money(w, l.RawFields, "avgCost", l.AvgCost);
        Money(w, l.RawFields, "fifoCost", l.AvgCost);
        Bool(w, l.RawFields, "tax", l.Tax1Rate != 0 || l.Tax2Rate != 0);
        Exact(w, l.RawFields, "tax1Rate", l.Tax1Rate);
        Exact(w, l.RawFields, "tax2Rate", l.Tax2Rate);
        Bool(w, l.RawFields, "isLayaway", false);
        Bool(w, l.RawFields, "isWorkorder", false);
        Bool(w, l.RawFields, "isSpecialOrder", false);
        Exact(w, l.RawFields, "displayableSubtotal", l.DisplayableSubtotal);
        Money(w, l.RawFields, "displayableUnitPrice", l.UnitPrice);
        Str(w, l.RawFields, "lineType", string.Empty);
        Exact(w, l.RawFields, "calcLineDiscount", l.CalcLineDiscount);
        Str(w, l.RawFields, "calcTransactionDiscount", "0");
        Exact(w, l.RawFields, "calcTotal", l.CalcTotal);
        Exact(w, l.RawFields, "calcSubtotal", l.CalcSubtotal);
        Exact(w, l.RawFields, "calcTax1", l.CalcTax1);
        Exact(w, l.RawFields, "calcTax2", l.CalcTax2);
        Id(w, l.RawFields, "taxClassID", l.TaxClassId);
        Id(w, l.RawFields, "customerID", l.CustomerId);
        Id(w, l.RawFields, "discountID", 0);
        Id(w, l.RawFields, "employeeID", l.EmployeeId);
        Id(w, l.RawFields, "itemID", l.ItemId);
        Id(w, l.RawFields, "noteID", 0);
        Id(w, l.RawFields, "parentSaleLineID", l.ParentSaleLineId);
        Id(w, l.RawFields, "shopID", l.ShopId);
        Id(w, l.RawFields, "taxCategoryID", l.ShopId);
        Id(w, l.RawFields, "saleID", l.SaleId);
        Id(w, l.RawFields, "itemFeeID", 0);
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

    private static void Money(Utf8JsonWriter w, Dictionary<string, byte[]> raw, string name, decimal value)
    {
        if (!Raw(w, raw, name))
        {
            w.Money(name, value);
        }
    }

    private static void Exact(Utf8JsonWriter w, Dictionary<string, byte[]> raw, string name, decimal value)
    {
        if (!Raw(w, raw, name))
        {
            w.Exact(name, value);
        }
    }

    private static void Id(Utf8JsonWriter w, Dictionary<string, byte[]> raw, string name, int value)
    {
        if (!Raw(w, raw, name))
        {
            w.Id(name, value);
        }
    }

    private static void Time(Utf8JsonWriter w, Dictionary<string, byte[]> raw, string name, DateTimeOffset value)
    {
        if (!Raw(w, raw, name))
        {
            w.Time(name, value);
        }
    }

    private static void Str(Utf8JsonWriter w, Dictionary<string, byte[]> raw, string name, string value)
    {
        if (!Raw(w, raw, name))
        {
            w.Str(name, value);
        }
    }

    private static void Bool(Utf8JsonWriter w, Dictionary<string, byte[]> raw, string name, bool value)
    {
        if (!Raw(w, raw, name))
        {
            w.Bool(name, value);
        }
    }

    /// <summary>
    /// Writes the raw override of <paramref name="name"/>, if the record has one: the fragment as it is, unchecked (it may
    /// be any shape, even invalid UTF-8), or nothing at all for an empty fragment (a missing key).
    /// </summary>
    private static bool Raw(Utf8JsonWriter w, Dictionary<string, byte[]> raw, string name)
    {
        if (!raw.TryGetValue(name, out var fragment))
        {
            return false;
        }

        if (fragment.Length > 0)
        {
            w.WritePropertyName(name);
            w.WriteRawValue(fragment, skipInputValidation: true);
        }

        return true;
    }
}
