using System.Globalization;
using System.Text.Json;
using Lightbridge.Emulators.XSeries.Data;

namespace Lightbridge.Emulators.XSeries.Wire;

/// <summary>The API 2.0 representation of each record: real JSON types, UUID ids, <c>+00:00</c> timestamps.</summary>
internal static class ApiWriter
{
    public static void Outlet(Utf8JsonWriter w, OutletRecord o)
    {
        w.WriteStartObject();
        w.WriteString("id", o.Id);
        w.WriteString("name", o.Name);
        w.WriteString("time_zone", o.TimeZone);
        w.WriteString("default_tax_id", string.Empty);
        w.WriteString("physical_city", o.City);
        w.WriteString("physical_country_id", o.CountryCode);
        w.WriteTimestamp("deleted_at", o.DeletedAt);
        w.WriteNumber("version", o.Version);
        w.WriteEndObject();
    }

    public static void Register(Utf8JsonWriter w, RegisterRecord r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("name", r.Name);
        w.WriteString("outlet_id", r.OutletId);
        w.WriteBoolean("is_open", r.IsOpen);
        w.WriteTimestamp("deleted_at", r.DeletedAt);
        w.WriteNumber("version", r.Version);
        w.WriteEndObject();
    }

    public static void PaymentType(Utf8JsonWriter w, PaymentTypeRecord p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("name", p.Name);
        w.WriteString("payment_type_id", p.TypeId.ToString(CultureInfo.InvariantCulture));
        w.WriteTimestamp("deleted_at", p.DeletedAt);
        w.WriteNumber("version", p.Version);
        w.WriteEndObject();
    }

    public static void Customer(Utf8JsonWriter w, CustomerRecord c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("customer_code", c.CustomerCode);
        w.WriteString("name", $"{c.FirstName} {c.LastName}".Trim());
        w.WriteNullableString("first_name", c.FirstName);
        w.WriteNullableString("last_name", c.LastName);
        w.WriteNullableString("company_name", c.CompanyName);
        w.WriteNullableString("email", c.Email);
        w.WriteNullableString("phone", c.Phone);
        w.WriteNullableString("mobile", c.Mobile);
        w.WriteNullableString("date_of_birth", c.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNullableString("physical_address_1", c.Address1);
        w.WriteNull("physical_address_2");
        w.WriteNullableString("physical_city", c.City);
        w.WriteNullableString("physical_postcode", c.Postcode);
        w.WriteNullableString("physical_state", c.State);
        w.WriteNullableString("physical_country_id", c.CountryId);
        w.WriteNull("postal_address_1");
        w.WriteNull("postal_city");
        w.WriteNull("postal_postcode");
        w.WriteNull("postal_country_id");
        w.WriteNullableString("customer_group_id", c.CustomerGroupId);
        w.WriteNullableString("note", c.Note);
        w.WriteNull("custom_field_1");
        w.WriteNull("custom_field_2");
        w.WriteNull("custom_field_3");
        w.WriteNull("custom_field_4");
        w.WriteTimestamp("created_at", c.CreatedAt);
        w.WriteTimestamp("updated_at", c.UpdatedAt);
        w.WriteTimestamp("deleted_at", c.DeletedAt);
        w.WriteNumber("version", c.Version);
        w.WriteEndObject();
    }

    public static void Product(Utf8JsonWriter w, ProductRecord p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("source_id", string.Empty);
        w.WriteString("handle", p.Handle);
        w.WriteString("sku", p.Sku);
        w.WriteString("name", p.Name);
        w.WriteNullableString("variant_parent_id", p.VariantParentId);
        w.WriteNullableString("variant_name", p.VariantName);
        w.WriteNumber("price_excluding_tax", WireWriter.Trim(p.PriceExcludingTax));
        w.WriteNumber("supply_price", WireWriter.Trim(p.SupplyPrice));
        w.WriteBoolean("active", p.Active);
        w.WriteBoolean("has_variants", false);
        w.WriteNullableString("brand_name", p.BrandName);
        w.WriteTimestamp("created_at", p.CreatedAt);
        w.WriteTimestamp("updated_at", p.UpdatedAt);
        w.WriteTimestamp("deleted_at", p.DeletedAt);
        w.WriteNumber("version", p.Version);
        w.WriteEndObject();
    }

    public static void Inventory(Utf8JsonWriter w, InventoryRecord i)
    {
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("product_id", i.ProductId);
        w.WriteString("outlet_id", i.OutletId);
        w.WriteNumber("inventory_level", i.InventoryLevel);
        w.WriteNumber("current_amount", i.InventoryLevel);
        w.WriteNumber("reorder_point", i.ReorderPoint);
        w.WriteNumber("reorder_amount", i.ReorderAmount);
        w.WriteTimestamp("deleted_at", i.DeletedAt);
        w.WriteNumber("version", i.Version);
        w.WriteEndObject();
    }

    public static void Sale(Utf8JsonWriter w, SaleRecord s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("outlet_id", s.OutletId);
        w.WriteString("register_id", s.RegisterId);
        w.WriteString("user_id", s.UserId);
        w.WriteNullableString("customer_id", s.CustomerId);
        w.WriteString("invoice_number", s.InvoiceNumber);
        w.WriteString("status", s.Status);
        w.WriteNullableString("note", s.Note);
        w.WriteNullableString("return_for", s.ReturnFor);
        w.WriteNumber("total_price", WireWriter.Trim(s.TotalPrice));
        w.WriteNumber("total_tax", WireWriter.Trim(s.TotalTax));
        w.WriteTimestamp("sale_date", s.SaleDate);
        w.WriteTimestamp("created_at", s.CreatedAt);
        w.WriteTimestamp("updated_at", s.UpdatedAt);
        w.WriteTimestamp("deleted_at", s.DeletedAt);
        w.WriteNumber("version", s.Version);
        w.WriteStartArray("line_items");
        foreach (var l in s.LineItems)
        {
            w.WriteStartObject();
            w.WriteString("id", l.Id);
            w.WriteString("product_id", l.ProductId);
            w.WriteNullableString("tax_id", l.TaxId);
            w.WriteNumber("quantity", WireWriter.Trim(l.Quantity));
            w.WriteNumber("price", WireWriter.Trim(l.Price));
            w.WriteNumber("price_total", WireWriter.Trim(l.PriceTotal));
            w.WriteNumber("tax", WireWriter.Trim(l.Tax));
            w.WriteNumber("tax_total", WireWriter.Trim(l.TaxTotal));
            w.WriteNumber("discount", WireWriter.Trim(l.Discount));
            w.WriteNumber("discount_total", WireWriter.Trim(l.Discount * l.Quantity));
            w.WriteBoolean("is_return", l.IsReturn);
            w.WriteStartArray("tax_components");
            if (l.TaxId is not null)
            {
                w.WriteStartObject();
                w.WriteString("tax_id", l.TaxId);
                w.WriteNumber("amount", WireWriter.Trim(l.TaxTotal));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("payments");
        foreach (var p in s.Payments)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("retailer_payment_type_id", p.RetailerPaymentTypeId);
            w.WriteString("payment_type_id", p.PaymentTypeId.ToString(CultureInfo.InvariantCulture));
            w.WriteString("name", p.Name);
            w.WriteNumber("amount", WireWriter.Trim(p.Amount));
            w.WriteTimestamp("payment_date", p.PaymentDate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
