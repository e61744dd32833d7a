using System.Text.Json;
using Lightbridge.Emulators.XSeries.Data;
using Lightbridge.Emulators.XSeries.Wire;

namespace Lightbridge.Emulators.XSeries.Api;

/// <summary>One API 2.0 collection: where its rows live, how one is written, and whether <c>deleted=true</c> applies.</summary>
internal sealed record Collection(string Name, Func<XSeriesStore, IEnumerable<VersionedRecord>> Rows, Action<Utf8JsonWriter, VersionedRecord> Write, bool HidesDeleted)
{
    public static IReadOnlyDictionary<string, Collection> All { get; } = new Dictionary<string, Collection>(StringComparer.Ordinal)
    {
        ["outlets"] = new("outlets", s => s.Outlets, (w, r) => ApiWriter.Outlet(w, (OutletRecord)r), false),
        ["registers"] = new("registers", s => s.Registers, (w, r) => ApiWriter.Register(w, (RegisterRecord)r), false),
        ["payment_types"] = new("payment_types", s => s.PaymentTypes, (w, r) => ApiWriter.PaymentType(w, (PaymentTypeRecord)r), false),
        ["customers"] = new("customers", s => s.Customers, (w, r) => ApiWriter.Customer(w, (CustomerRecord)r), true),
        ["products"] = new("products", s => s.Products, (w, r) => ApiWriter.Product(w, (ProductRecord)r), true),
        ["inventory"] = new("inventory", s => s.Inventory, (w, r) => ApiWriter.Inventory(w, (InventoryRecord)r), false),
        ["sales"] = new("sales", s => s.Sales, (w, r) => ApiWriter.Sale(w, (SaleRecord)r), false),
    };
}
