using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.XSeries.Wire;

namespace Lightbridge.XSeries.Mapping;

/// <summary>
/// Maps an X-Series sale with its <c>line_items</c> and <c>payments</c> so that the canonical amounts mean what they mean
/// for R-Series (docs/lightspeed-x-series.md). X-Series line <c>price</c> is the unit price after its discount, tax
/// excluded, and <c>total_price</c> sums the discounted lines; R-Series <c>calcSubtotal</c> and <c>unitPrice</c> are
/// before discounts. So the discount is added back where the canonical field is "before discounts", and
/// Subtotal − Discount + Tax = Total holds as it does for R-Series.
/// </summary>
internal static class SaleMapper
{
    public static Sale Map(JsonElement element, OutletTimeZones zones)
    {
        var wire = new WireRecord(element, "sale");
        var id = wire.Id();
        var lines = wire.Array("line_items").Select((line, index) => MapLine(line, id, index)).ToList();
        var payments = wire.Array("payments").Select((payment, index) => MapPayment(payment, id, index)).ToList();

        var malformed = new List<string>();
        var totalPrice = wire.Amount("total_price", malformed) ?? 0m;
        var tax = wire.Amount("total_tax", malformed) ?? 0m;
        var discount = lines.Sum(l => l.Discount);
        var status = Status(wire);
        var outletId = wire.Reference("outlet_id");

        // A return either names the sale it returns, or (a return rung up on its own) consists of negative lines only.
        var isRefund = wire.Reference("return_for") is not null || (lines.Count > 0 && lines.All(l => l.Quantity < 0));
        return new Sale(
            id,
            outletId,
            wire.Reference("register_id"),
            wire.Reference("customer_id"),
            wire.Reference("user_id"),
            wire.Text("invoice_number"),
            status,
            zones.TimeZoneOf(outletId),
            status == SaleStatus.Open ? null : wire.Instant("sale_date"),
            wire.Instant("created_at"),
            wire.Instant("updated_at"),
            Subtotal: totalPrice + discount,
            discount,
            tax,
            Total: totalPrice + tax,
            isRefund,
            lines,
            payments)
        {
            MalformedFields = malformed,
            ChangeVersion = wire.Version(),
        };
    }

    /// <summary>
    /// <c>CLOSED</c> and every <c>*_CLOSED</c> status are completed; <c>VOIDED</c>, and a sale deleted from the account,
    /// are voided (neither counts towards revenue); saved, on-account, lay-by, awaiting and service sales are open.
    /// </summary>
    internal static SaleStatus Status(WireRecord wire)
    {
        var status = wire.Text("status")?.ToUpperInvariant();
        if (status == "VOIDED" || wire.IsDeleted)
        {
            return SaleStatus.Voided;
        }

        return status is not null && (status == "CLOSED" || status.EndsWith("_CLOSED", StringComparison.Ordinal))
            ? SaleStatus.Completed
            : SaleStatus.Open;
    }

    /// <summary>
    /// A line. <c>UnitPrice</c> is before discount (<c>price + discount</c>, as R-Series <c>unitPrice</c>); <c>Discount</c>
    /// the line's whole discount (<c>discount_total</c>); <c>Tax</c> the line's tax (<c>tax_total</c>); <c>LineTotal</c>
    /// after discount and with tax (<c>price_total + tax_total</c>), the meaning of R-Series <c>calcTotal</c>.
    /// </summary>
    internal static SaleLine MapLine(JsonElement element, LightspeedId saleId, int index)
    {
        var wire = new WireRecord(element, $"sale line_items[{index}]");
        var malformed = new List<string>();
        var quantity = wire.Amount("quantity", malformed) ?? 0m;
        var price = wire.Amount("price", malformed) ?? 0m;
        var unitDiscount = wire.Amount("discount", malformed) ?? 0m;
        var discount = wire.Amount("discount_total", malformed) ?? unitDiscount * quantity;
        var tax = wire.Amount("tax_total", malformed) ?? (wire.Amount("tax", malformed) ?? 0m) * quantity;
        var priceTotal = wire.Amount("price_total", malformed) ?? price * quantity;
        return new SaleLine(
            wire.Id(),
            saleId,
            wire.Reference("product_id"),
            quantity,
            UnitPrice: price + unitDiscount,
            discount,
            tax,
            LineTotal: priceTotal + tax,
            ParentLineId: null,
            CreatedAt: null,
            UpdatedAt: null)
        {
            MalformedFields = malformed,
        };
    }

    /// <summary>A payment: <c>retailer_payment_type_id</c> is the account's payment type, <c>name</c> its name.</summary>
    internal static SalePayment MapPayment(JsonElement element, LightspeedId saleId, int index)
    {
        var wire = new WireRecord(element, $"sale payments[{index}]");
        var malformed = new List<string>();
        return new SalePayment(
            wire.Id(),
            saleId,
            wire.Reference("retailer_payment_type_id"),
            wire.Text("name"),
            PaymentKind: null,
            wire.Amount("amount", malformed) ?? 0m,
            wire.Instant("payment_date"),
            Archived: wire.IsDeleted)
        {
            MalformedFields = malformed,
        };
    }
}
