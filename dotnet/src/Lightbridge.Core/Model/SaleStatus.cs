namespace Lightbridge.Core.Model;

/// <summary>Where a sale stands.</summary>
public enum SaleStatus
{
    /// <summary>Not completed yet (a quote, layaway or a sale still on the register).</summary>
    Open = 0,

    /// <summary>Completed and counted in revenue.</summary>
    Completed,

    /// <summary>
    /// Voided: Lightspeed keeps <c>completed="true"</c> and sets <c>voided="true"</c>; it must not count
    /// towards totals (shared/reference/lightspeed-api.md §9.7).
    /// </summary>
    Voided,
}
