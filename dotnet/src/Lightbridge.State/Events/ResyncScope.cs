namespace Lightbridge.State;

/// <summary>What a resync request covers; the values of <c>Lightspeed_Resync_Request__e.Scope__c</c>.</summary>
public enum ResyncScope
{
    /// <summary>Customers.</summary>
    Customer,

    /// <summary>Items (products).</summary>
    Item,

    /// <summary>Inventory (ItemShops).</summary>
    Inventory,

    /// <summary>Shops (stores).</summary>
    Store,

    /// <summary>Sales with their lines and payments.</summary>
    Sale,

    /// <summary>Every entity.</summary>
    All,
}
