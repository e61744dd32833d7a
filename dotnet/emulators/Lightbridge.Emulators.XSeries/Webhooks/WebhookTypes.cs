namespace Lightbridge.Emulators.XSeries.Webhooks;

/// <summary>The webhook types this emulator delivers (the real enum also has register_closure.create and consignment.*).</summary>
internal static class WebhookTypes
{
    public const string Sale = "sale.update";
    public const string Customer = "customer.update";
    public const string Product = "product.update";
    public const string Inventory = "inventory.update";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal) { Sale, Customer, Product, Inventory };
}
