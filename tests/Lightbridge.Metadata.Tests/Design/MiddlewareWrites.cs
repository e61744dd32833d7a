namespace Lightbridge.Metadata.Tests.Design;

/// <summary>
/// The fields the middleware's mapping writes, per object. Kept here as constants until the mapping
/// has its own file (a later issue points this list at it); the tests check that each exists in the
/// package and that Lightspeed_Integration may write it.
/// </summary>
internal static class MiddlewareWrites
{
    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Contact"] =
        [
            "FirstName", "LastName", "Email", "Phone", "MobilePhone", "Birthdate", "AccountId", "Lightspeed_Customer_Id__c",
            "Lightspeed_Lifetime_Value__c", "Lightspeed_Purchase_Count__c", "Lightspeed_Last_Purchase__c",
        ],
        ["Lead"] = ["FirstName", "LastName", "Company", "Email", "Phone", "MobilePhone", "Lightspeed_Customer_Id__c"],
        ["Product2"] = ["Name", "ProductCode", "Description", "IsActive", "Lightspeed_Item_Id__c"],
        [DesignDataModel.Store] =
        [
            "Name", "Lightspeed_Shop_Id__c", "Lightspeed_Account_Id__c", "Store_Code__c", "Time_Zone__c", "Currency_Code__c",
            "Total_Sales__c", "Sale_Count__c",
        ],
        [DesignDataModel.Sale] =
        [
            "Lightspeed_Sale_Id__c", "Store__c", "Contact__c", "Lead__c", "Register__c", "Sale_Time__c", "Status__c",
            "Is_Refund__c", "Subtotal__c", "Discount__c", "Tax__c", "Total__c", "Currency_Code__c", "Ticket_Number__c", "Channel__c",
            "Store_Code__c",
        ],
        [DesignDataModel.SaleLine] =
        [
            "Lightspeed_Sale_Line_Id__c", "Sale__c", "Product__c", "Quantity__c", "Unit_Price__c", "Discount__c", "Tax__c",
            "Line_Total__c", "Sku__c", "Original_Line__c",
        ],
        [DesignDataModel.Payment] = ["Lightspeed_Payment_Id__c", "Sale__c", "Payment_Type__c", "Amount__c", "Paid_At__c"],
        [DesignDataModel.Inventory] = ["Lightspeed_Item_Shop_Id__c", "Product__c", "Store__c", "Quantity_On_Hand__c", "Reorder_Point__c", "Store_Code__c"],
        [DesignDataModel.SyncError] =
        [
            "Error_Key__c", "Entity__c", "Lightspeed_Id__c", "Error_Code__c", "Message__c", "Status__c", "Attempts__c",
            "First_Seen__c", "Last_Seen__c", "Run_Id__c", "Payload__c",
        ],
        [DesignDataModel.SyncRun] =
        [
            "Run_Id__c", "Trigger__c", "Entity__c", "Started_At__c", "Finished_At__c", "Status__c", "Records_Read__c",
            "Records_Created__c", "Records_Updated__c", "Records_Failed__c", "Api_Calls__c", "Message__c",
        ],

        // Mapping:Profile = Opportunity.
        ["Opportunity"] = ["Lightspeed_Sale_Id__c", "Name", "StageName", "CloseDate", "Amount", "ContactId", "Lightspeed_Store__c"],
        ["OpportunityLineItem"] = ["Lightspeed_Sale_Line_Id__c", "OpportunityId", "PricebookEntryId", "Quantity", "TotalPrice"],
        ["PricebookEntry"] = ["Lightspeed_Item_Id__c", "Pricebook2Id", "Product2Id", "UnitPrice", "IsActive"],
    };

    /// <summary>
    /// Standard fields outside field-level security: name parts, the record name, and Product2.IsActive.
    /// Object create and edit access is what lets the integration user write them.
    /// </summary>
    public static readonly IReadOnlySet<string> NotUnderFieldSecurity = new HashSet<string>(StringComparer.Ordinal)
    {
        "Contact.FirstName", "Contact.LastName", "Lead.FirstName", "Lead.LastName", "Lead.Company",
        "Product2.Name", "Product2.IsActive", $"{DesignDataModel.Store}.Name",

        // The primary contact comes from the opportunity's contact roles, and a line item's prices and a price book
        // entry's keys and price are governed by access to their opportunity, price book and product.
        "Opportunity.ContactId", "OpportunityLineItem.PricebookEntryId", "OpportunityLineItem.TotalPrice", "PricebookEntry.IsActive",
    };
}
