namespace Lightbridge.Metadata.Tests.RuleTests;

/// <summary>Files of the real package the tests break copies of (paths under force-app/main/default/).</summary>
internal static class Paths
{
    public const string SaleFields = "objects/Lightspeed_Sale__c/fields/";
    public const string SaleTotal = SaleFields + "Total__c.field-meta.xml";
    public const string SaleRegister = SaleFields + "Register__c.field-meta.xml";
    public const string SalePaid = SaleFields + "Paid__c.field-meta.xml";
    public const string SaleStatus = SaleFields + "Status__c.field-meta.xml";
    public const string SaleExternalId = SaleFields + "Lightspeed_Sale_Id__c.field-meta.xml";
    public const string SaleTab = "tabs/Lightspeed_Sale__c.tab-meta.xml";
    public const string EventObject = "objects/Lightspeed_Resync_Request__e/Lightspeed_Resync_Request__e.object-meta.xml";
    public const string EventScope = "objects/Lightspeed_Resync_Request__e/fields/Scope__c.field-meta.xml";
    public const string Integration = "permissionsets/Lightspeed_Integration.permissionset-meta.xml";
    public const string Viewer = "permissionsets/Lightspeed_Sales_Viewer.permissionset-meta.xml";
    public const string TodaysSales = "objects/Lightspeed_Sale__c/listViews/Todays_Sales.listView-meta.xml";
    public const string OpenErrors = "objects/Lightspeed_Sync_Error__c/listViews/Open_Errors.listView-meta.xml";
    public const string SaleLayout = "layouts/Lightspeed_Sale__c-Lightspeed Sale Layout.layout-meta.xml";
    public const string Flow = "flows/Lightspeed_Request_Resync.flow-meta.xml";
    public const string Retry = "quickActions/Lightspeed_Sync_Error__c.Retry.quickAction-meta.xml";
    public const string SaleResync = "quickActions/Lightspeed_Sale__c.Resync_from_Lightspeed.quickAction-meta.xml";
    public const string LifetimeValue = "customMetadata/Lightspeed_Rollup.Contact_Lifetime_Value.md-meta.xml";
    public const string QuantityRule = "objects/Lightspeed_Sale_Line__c/validationRules/Quantity_Required.validationRule-meta.xml";
}
