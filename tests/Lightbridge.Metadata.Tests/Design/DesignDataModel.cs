namespace Lightbridge.Metadata.Tests.Design;

/// <summary>
/// The data model of shared/DESIGN.md as a table: API names are a contract that tests, docs and
/// configuration rely on. Where the design names a field without its type, the type here is the one
/// the package settles on (money Currency, quantities and counts Number, instants DateTime).
/// </summary>
internal static class DesignDataModel
{
    public const string Store = "Lightspeed_Store__c";
    public const string Sale = "Lightspeed_Sale__c";
    public const string SaleLine = "Lightspeed_Sale_Line__c";
    public const string Payment = "Lightspeed_Payment__c";
    public const string Inventory = "Lightspeed_Inventory__c";
    public const string SyncError = "Lightspeed_Sync_Error__c";
    public const string SyncRun = "Lightspeed_Sync_Run__c";
    public const string ResyncRequest = "Lightspeed_Resync_Request__e";
    public const string Rollup = "Lightspeed_Rollup__mdt";

    /// <summary>Objects the package must define (standard objects only get fields).</summary>
    public static readonly IReadOnlyList<string> CustomObjects =
        [Store, Sale, SaleLine, Payment, Inventory, SyncError, SyncRun, ResyncRequest, Rollup];

    public static readonly IReadOnlyList<DesignField> Fields =
    [
        new("Contact", "Lightspeed_Customer_Id__c", "Text", ExternalId: true),
        new("Contact", "Lightspeed_Lifetime_Value__c", "Currency"),
        new("Contact", "Lightspeed_Purchase_Count__c", "Number"),
        new("Contact", "Lightspeed_Last_Purchase__c", "DateTime"),
        new("Lead", "Lightspeed_Customer_Id__c", "Text", ExternalId: true),
        new("Product2", "Lightspeed_Item_Id__c", "Text", ExternalId: true),

        new(Store, "Lightspeed_Shop_Id__c", "Text", ExternalId: true),
        new(Store, "Store_Code__c", "Text"),
        new(Store, "Time_Zone__c", "Text"),
        new(Store, "Currency_Code__c", "Text"),
        new(Store, "Total_Sales__c", "Currency"),
        new(Store, "Sale_Count__c", "Number"),

        new(Sale, "Lightspeed_Sale_Id__c", "Text", ExternalId: true),
        new(Sale, "Store__c", "Lookup", Store),
        new(Sale, "Contact__c", "Lookup", "Contact"),
        new(Sale, "Lead__c", "Lookup", "Lead"),
        new(Sale, "Register__c", "Text"),
        new(Sale, "Sale_Time__c", "DateTime"),
        new(Sale, "Status__c", "Picklist", Values: ["Completed", "Voided"]),
        new(Sale, "Is_Refund__c", "Checkbox"),
        new(Sale, "Subtotal__c", "Currency"),
        new(Sale, "Discount__c", "Currency"),
        new(Sale, "Tax__c", "Currency"),
        new(Sale, "Total__c", "Currency"),
        new(Sale, "Currency_Code__c", "Text"),
        new(Sale, "Ticket_Number__c", "Text"),
        new(Sale, "Channel__c", "Picklist"),
        new(Sale, "Store_Code__c", "Text"),
        new(Sale, "Line_Count__c", "Summary"),
        new(Sale, "Item_Quantity__c", "Summary"),
        new(Sale, "Paid__c", "Summary"),

        new(SaleLine, "Lightspeed_Sale_Line_Id__c", "Text", ExternalId: true),
        new(SaleLine, "Sale__c", "MasterDetail", Sale),
        new(SaleLine, "Product__c", "Lookup", "Product2"),
        new(SaleLine, "Quantity__c", "Number"),
        new(SaleLine, "Unit_Price__c", "Currency"),
        new(SaleLine, "Discount__c", "Currency"),
        new(SaleLine, "Tax__c", "Currency"),
        new(SaleLine, "Line_Total__c", "Currency"),
        new(SaleLine, "Sku__c", "Text"),
        new(SaleLine, "Original_Line__c", "Lookup", SaleLine),

        new(Payment, "Lightspeed_Payment_Id__c", "Text", ExternalId: true),
        new(Payment, "Sale__c", "MasterDetail", Sale),
        new(Payment, "Payment_Type__c", "Text"),
        new(Payment, "Amount__c", "Currency"),
        new(Payment, "Paid_At__c", "DateTime"),

        new(Inventory, "Lightspeed_Item_Shop_Id__c", "Text", ExternalId: true),
        new(Inventory, "Product__c", "Lookup", "Product2"),
        new(Inventory, "Store__c", "Lookup", Store),
        new(Inventory, "Quantity_On_Hand__c", "Number"),
        new(Inventory, "Reorder_Point__c", "Number"),
        new(Inventory, "Store_Code__c", "Text"),

        new(SyncError, "Error_Key__c", "Text", ExternalId: true),
        new(SyncError, "Entity__c", "Text"),
        new(SyncError, "Lightspeed_Id__c", "Text"),
        new(SyncError, "Error_Code__c", "Text"),
        new(SyncError, "Message__c", "LongTextArea"),
        new(SyncError, "Status__c", "Picklist", Values: ["Open", "Retrying", "Resolved", "Ignored"]),
        new(SyncError, "Attempts__c", "Number"),
        new(SyncError, "First_Seen__c", "DateTime"),
        new(SyncError, "Last_Seen__c", "DateTime"),
        new(SyncError, "Run_Id__c", "Text"),

        new(SyncRun, "Run_Id__c", "Text", ExternalId: true),
        new(SyncRun, "Trigger__c", "Picklist"),
        new(SyncRun, "Entity__c", "Text"),
        new(SyncRun, "Started_At__c", "DateTime"),
        new(SyncRun, "Finished_At__c", "DateTime"),
        new(SyncRun, "Status__c", "Picklist"),
        new(SyncRun, "Records_Read__c", "Number"),
        new(SyncRun, "Records_Created__c", "Number"),
        new(SyncRun, "Records_Updated__c", "Number"),
        new(SyncRun, "Records_Failed__c", "Number"),
        new(SyncRun, "Api_Calls__c", "Number"),

        // Platform events have no picklists: Scope__c is Text holding Customer, Item, Inventory, Store, Sale or All.
        new(ResyncRequest, "Scope__c", "Text"),
        new(ResyncRequest, "Lightspeed_Id__c", "Text"),
        new(ResyncRequest, "From__c", "DateTime"),
        new(ResyncRequest, "To__c", "DateTime"),
        new(ResyncRequest, "Reason__c", "Text"),

        new(Rollup, "Parent_Object__c", "Text"),
        new(Rollup, "Parent_Field__c", "Text"),
        new(Rollup, "Child_Object__c", "Text"),
        new(Rollup, "Relationship_Field__c", "Text"),
        new(Rollup, "Operation__c", "Picklist", Values: ["SUM", "COUNT", "MAX", "MIN"]),
        new(Rollup, "Child_Field__c", "Text"),
        new(Rollup, "Filter__c", "Text"),
    ];
}
