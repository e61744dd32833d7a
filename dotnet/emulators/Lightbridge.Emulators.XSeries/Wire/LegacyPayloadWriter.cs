using System.Globalization;
using System.Text.Json;
using Lightbridge.Emulators.XSeries.Data;

namespace Lightbridge.Emulators.XSeries.Wire;

/// <summary>
/// The webhook <c>payload</c>: the API 0.9/1.0 representation, not 2.0 (reference section 7). It differs on
/// purpose: <c>"YYYY-MM-DD HH:MM:SS"</c> UTC timestamps without an offset, <c>register_sale_products</c> /
/// <c>register_sale_payments</c> instead of <c>line_items</c> / <c>payments</c>, <c>count</c> for stock. A
/// client must use it only as a trigger to poll 2.0 by version.
/// </summary>
internal static class LegacyPayloadWriter
{
    private static string Time(DateTimeOffset v) => v.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? v)
    {
        if (v is { } t)
        {
            w.WriteString(name, Time(t));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static string Sale(SaleRecord s, string retailerId) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("retailer_id", retailerId);
        w.WriteString("register_id", s.RegisterId);
        w.WriteString("outlet_id", s.OutletId);
        w.WriteString("user_id", s.UserId);
        w.WriteNullableString("customer_id", s.CustomerId);
        w.WriteString("invoice_number", s.InvoiceNumber);
        w.WriteString("status", s.Status);
        w.WriteNullableString("return_for", s.ReturnFor);
        WriteTime(w, "sale_date", s.SaleDate);
        WriteTime(w, "created_at", s.CreatedAt);
        WriteTime(w, "updated_at", s.UpdatedAt);
        WriteTime(w, "deleted_at", s.DeletedAt);
        w.WriteNumber("total_price", WireWriter.Trim(s.TotalPrice));
        w.WriteNumber("total_tax", WireWriter.Trim(s.TotalTax));
        w.WriteNumber("version", s.Version);
        w.WriteStartArray("register_sale_products");
        foreach (var l in s.LineItems)
        {
            w.WriteStartObject();
            w.WriteString("id", l.Id);
            w.WriteString("product_id", l.ProductId);
            w.WriteNumber("quantity", WireWriter.Trim(l.Quantity));
            w.WriteNumber("price", WireWriter.Trim(l.Price));
            w.WriteNumber("tax", WireWriter.Trim(l.Tax));
            w.WriteNumber("discount", WireWriter.Trim(l.Discount));
            w.WriteNumber("price_total", WireWriter.Trim(l.PriceTotal));
            w.WriteNumber("tax_total", WireWriter.Trim(l.TaxTotal));
            w.WriteBoolean("is_return", l.IsReturn);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("register_sale_payments");
        foreach (var p in s.Payments)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("retailer_payment_type_id", p.RetailerPaymentTypeId);
            w.WriteNumber("payment_type_id", p.PaymentTypeId);
            w.WriteString("name", p.Name);
            w.WriteNumber("amount", WireWriter.Trim(p.Amount));
            WriteTime(w, "payment_date", p.PaymentDate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string Customer(CustomerRecord c, string retailerId) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("retailer_id", retailerId);
        w.WriteString("customer_code", c.CustomerCode);
        w.WriteString("name", $"{c.FirstName} {c.LastName}".Trim());
        w.WriteNullableString("first_name", c.FirstName);
        w.WriteNullableString("last_name", c.LastName);
        w.WriteNullableString("company_name", c.CompanyName);
        w.WriteNullableString("email", c.Email);
        w.WriteNullableString("phone", c.Phone);
        w.WriteNullableString("mobile", c.Mobile);
        w.WriteNullableString("physical_address1", c.Address1);
        w.WriteNullableString("physical_city", c.City);
        w.WriteNullableString("physical_postcode", c.Postcode);
        w.WriteNullableString("physical_country_id", c.CountryId);
        WriteTime(w, "created_at", c.CreatedAt);
        WriteTime(w, "updated_at", c.UpdatedAt);
        WriteTime(w, "deleted_at", c.DeletedAt);
        w.WriteNumber("version", c.Version);
        w.WriteEndObject();
    });

    public static string Product(ProductRecord p, string retailerId) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("retailer_id", retailerId);
        w.WriteString("handle", p.Handle);
        w.WriteString("sku", p.Sku);
        w.WriteString("name", p.Name);
        w.WriteNullableString("variant_parent_id", p.VariantParentId);
        w.WriteNumber("price", WireWriter.Trim(p.PriceExcludingTax));
        w.WriteNumber("supply_price", WireWriter.Trim(p.SupplyPrice));
        w.WriteBoolean("active", p.Active);
        WriteTime(w, "created_at", p.CreatedAt);
        WriteTime(w, "updated_at", p.UpdatedAt);
        WriteTime(w, "deleted_at", p.DeletedAt);
        w.WriteNumber("version", p.Version);
        w.WriteEndObject();
    });

    public static string Inventory(InventoryRecord i, string retailerId) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("retailer_id", retailerId);
        w.WriteString("product_id", i.ProductId);
        w.WriteString("outlet_id", i.OutletId);
        w.WriteNumber("count", i.InventoryLevel);
        w.WriteNumber("reorder_point", i.ReorderPoint);
        w.WriteNumber("restock_level", i.ReorderAmount);
        w.WriteNumber("version", i.Version);
        w.WriteEndObject();
    });

    private static string Json(Action<Utf8JsonWriter> body) => System.Text.Encoding.UTF8.GetString(WireWriter.Write(body));
}
