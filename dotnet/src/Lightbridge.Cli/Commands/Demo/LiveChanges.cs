using Lightbridge.Emulators.Lightspeed;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// Business goes on while the worker runs: the tills ring up new sales (for known shoppers and walk-ins), a clerk edits a
/// customer, and an earlier sale is voided. Done through the emulator's control surface, as the POS would change the
/// account; the choices come from the seed.
/// </summary>
internal static class LiveChanges
{
    /// <summary>New sales rung up during the demo.</summary>
    public const int NewSaleCount = 5;

    public static LiveChangeSet Apply(LightspeedEmulatorControl control, IReadOnlyList<int> customerIds, int seed)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(customerIds);
#pragma warning disable CA5394 // Demo choices, not security.
        var random = new Random(seed);
        var sales = new List<int>();
        for (var i = 0; i < NewSaleCount; i++)
        {
            // Every other sale is a walk-in (no customer), as at a real till.
            int? customer = i % 2 == 0 && customerIds.Count > 0 ? customerIds[random.Next(customerIds.Count)] : null;
            sales.Add(control.AddSale(customer));
        }

        int? edited = customerIds.Count > 0 ? control.EditCustomer(customerIds[random.Next(customerIds.Count)]) : null;
#pragma warning restore CA5394
        return new LiveChangeSet(sales, edited, VoidAnEarlierSale(control));
    }

    /// <summary>Voids the newest generated sale that can be voided (refunds and voided sales cannot).</summary>
    private static int? VoidAnEarlierSale(LightspeedEmulatorControl control)
    {
        for (var saleId = control.CurrentSize.Sales; saleId >= 1; saleId--)
        {
            try
            {
                control.VoidSale(saleId);
                return saleId;
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException)
            {
                // Not a completed sale (a refund, or already voided): try the one before.
            }
        }

        return null;
    }
}
