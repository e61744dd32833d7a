using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Data;

namespace Lightbridge.Emulators.Lightspeed.Wire;

/// <summary>The small reference entities: Shop, Register, PaymentType and SaleVoid (reference section 3).</summary>
internal static class SimpleWriters
{
    public static void Shop(Utf8JsonWriter w, ShopRecord s)
    {
        w.WriteStartObject();
        w.Id("shopID", s.ShopId);
        w.Str("name", s.Name);
        w.Str("serviceRate", "0");
        w.Str("timeZone", s.TimeZone);
        w.Bool("taxLabor", false);
        w.Str("labelTitle", "Shop Name");
        w.Bool("labelMsrp", false);
        w.Bool("archived", s.Archived);
        w.Time("timeStamp", s.TimeStamp);
        w.Str("companyRegistrationNumber", string.Empty);
        w.Str("vatNumber", string.Empty);
        w.Id("contactID", 1000 + s.ShopId);
        w.Id("taxCategoryID", s.ShopId);
        w.Id("receiptSetupID", 1);
        w.Id("ccGatewayID", 0);
        w.Id("priceLevelID", 1);
        w.WriteEndObject();
    }

    public static void Register(Utf8JsonWriter w, RegisterRecord r)
    {
        w.WriteStartObject();
        w.Id("registerID", r.RegisterId);
        w.Str("name", r.Name);
        w.Bool("open", r.Open);
        w.Str("openTime", r.OpenTime is { } t ? WireFormat.DateTime(t) : string.Empty);
        w.Id("openEmployeeID", r.OpenEmployeeId);
        w.Bool("archived", r.Archived);
        w.Bool("tipEnabled", false);
        w.Id("shopID", r.ShopId);
        w.Id("ccTerminalID", 0);
        w.Time("timeStamp", r.TimeStamp);
        w.WriteEndObject();
    }

    public static void PaymentType(Utf8JsonWriter w, PaymentTypeRecord p)
    {
        w.WriteStartObject();
        w.Id("paymentTypeID", p.PaymentTypeId);
        w.Str("name", p.Name);
        w.Bool("requireCustomer", p.RequireCustomer);
        w.Bool("archived", p.Archived);
        w.Bool("internalReserved", p.InternalReserved);
        w.Str("type", p.Type);
        w.Id("refundAsPaymentTypeID", p.RefundAsPaymentTypeId);
        w.Time("timeStamp", p.TimeStamp);
        w.WriteEndObject();
    }

    public static void SaleVoid(Utf8JsonWriter w, SaleVoidRecord v)
    {
        w.WriteStartObject();
        w.Id("saleVoidID", v.SaleVoidId);
        w.Time("createTime", v.CreateTime);
        w.Str("reason", v.Reason);
        w.Id("saleID", v.SaleId);
        w.Id("employeeID", v.EmployeeId);
        w.Id("shopID", v.ShopId);
        w.WriteEndObject();
    }
}
