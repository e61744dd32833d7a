namespace Lightbridge.Cli.Commands.Demo;

/// <summary>What the demo changed in Lightspeed between the full and the incremental pass.</summary>
/// <param name="NewSales">The sales rung up (Lightspeed sale ids).</param>
/// <param name="EditedCustomer">The customer whose details were edited; null when the account has none.</param>
/// <param name="VoidedSale">The earlier sale that was voided; null when none could be.</param>
internal sealed record LiveChangeSet(IReadOnlyList<int> NewSales, int? EditedCustomer, int? VoidedSale);
