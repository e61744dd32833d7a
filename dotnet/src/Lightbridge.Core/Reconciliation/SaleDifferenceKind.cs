namespace Lightbridge.Core.Reconciliation;

/// <summary>How one sale differs between Lightspeed and Salesforce.</summary>
public enum SaleDifferenceKind
{
    /// <summary>Lightspeed has the sale in the window; Salesforce does not.</summary>
    MissingInSalesforce = 0,

    /// <summary>Salesforce has a sale in the window that Lightspeed does not.</summary>
    ExtraInSalesforce,

    /// <summary>Both have it, with a different total, tax, store, refund flag or void.</summary>
    DifferentValues,
}
