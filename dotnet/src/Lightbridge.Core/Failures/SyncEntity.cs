namespace Lightbridge.Core.Failures;

/// <summary>The kinds of Lightspeed record the sync moves, named as in the replay queue and <c>Entity__c</c>.</summary>
public enum SyncEntity
{
    /// <summary>A store location (Lightspeed <c>Shop</c>).</summary>
    Shop = 0,

    /// <summary>A product (Lightspeed <c>Item</c>).</summary>
    Item,

    /// <summary>Stock of an item in a shop (Lightspeed <c>ItemShop</c>).</summary>
    ItemShop,

    /// <summary>A shopper (Lightspeed <c>Customer</c>).</summary>
    Customer,

    /// <summary>A sales receipt, refund or void (Lightspeed <c>Sale</c>).</summary>
    Sale,

    /// <summary>A line of a sale.</summary>
    SaleLine,

    /// <summary>A payment of a sale.</summary>
    SalePayment,
}
