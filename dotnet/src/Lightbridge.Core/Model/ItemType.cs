namespace Lightbridge.Core.Model;

/// <summary>The kind of a Lightspeed item (<c>Item.itemType</c>).</summary>
public enum ItemType
{
    /// <summary>A value this version does not know; the item is still synced.</summary>
    Unknown = 0,

    /// <summary><c>default</c>: an ordinary stocked item.</summary>
    Default,

    /// <summary><c>non_inventory</c>: a service or fee with no stock.</summary>
    NonInventory,

    /// <summary><c>serialized</c>.</summary>
    Serialized,

    /// <summary><c>box</c>.</summary>
    Box,

    /// <summary><c>serialized_assembly</c>.</summary>
    SerializedAssembly,

    /// <summary><c>assembly</c>.</summary>
    Assembly,
}
