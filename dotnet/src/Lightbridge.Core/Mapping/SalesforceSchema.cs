namespace Lightbridge.Core.Mapping;

/// <summary>
/// The Salesforce API names the default mappings use, in one place (STYLE G16), exactly as DESIGN.md's data model and
/// <c>force-app/</c> name them: a convention test checks each custom name against the package.
/// </summary>
/// <remarks>A list of constants, one nested class per object; longer than most files, but it only grows with the package.</remarks>
public static class SalesforceSchema
{
    /// <summary>Standard <c>Name</c> field.</summary>
    public const string Name = "Name";

    /// <summary>The Contact object and its fields.</summary>
    public static class Contact
    {
        /// <summary>Object API name.</summary>
        public const string ObjectName = "Contact";

        /// <summary>External id: the account-scoped Lightspeed customer id.</summary>
        public const string LightspeedCustomerId = "Lightspeed_Customer_Id__c";

        /// <summary>First name.</summary>
        public const string FirstName = "FirstName";

        /// <summary>Last name (required).</summary>
        public const string LastName = "LastName";

        /// <summary>Email.</summary>
        public const string Email = "Email";

        /// <summary>Phone (home or work).</summary>
        public const string Phone = "Phone";

        /// <summary>Mobile phone.</summary>
        public const string MobilePhone = "MobilePhone";

        /// <summary>Birth date.</summary>
        public const string Birthdate = "Birthdate";

        /// <summary>The Account lookup.</summary>
        public const string AccountId = "AccountId";
    }

    /// <summary>The Lead object and its fields.</summary>
    public static class Lead
    {
        /// <summary>Object API name.</summary>
        public const string ObjectName = "Lead";

        /// <summary>Company (required on a Lead).</summary>
        public const string Company = "Company";
    }

    /// <summary>Product2 and its fields.</summary>
    public static class Product
    {
        /// <summary>Object API name.</summary>
        public const string ObjectName = "Product2";

        /// <summary>External id: the account-scoped Lightspeed item id.</summary>
        public const string LightspeedItemId = "Lightspeed_Item_Id__c";

        /// <summary>The SKU.</summary>
        public const string ProductCode = "ProductCode";

        /// <summary>Active unless archived in Lightspeed.</summary>
        public const string IsActive = "IsActive";
    }

    /// <summary><c>Lightspeed_Store__c</c> and its fields.</summary>
    public static class Store
    {
        /// <summary>Object API name.</summary>
        public const string ObjectName = "Lightspeed_Store__c";

        /// <summary>External id: the account-scoped Lightspeed shop id.</summary>
        public const string LightspeedShopId = "Lightspeed_Shop_Id__c";

        /// <summary>The Lightspeed account id.</summary>
        public const string LightspeedAccountId = "Lightspeed_Account_Id__c";

        /// <summary>Unique short code used by sharing rules.</summary>
        public const string StoreCode = "Store_Code__c";

        /// <summary>IANA time zone.</summary>
        public const string TimeZone = "Time_Zone__c";

        /// <summary>ISO 4217 currency.</summary>
        public const string CurrencyCode = "Currency_Code__c";
    }

    /// <summary><c>Lightspeed_Inventory__c</c> and its fields.</summary>
    public static class Inventory
    {
        /// <summary>Object API name.</summary>
        public const string ObjectName = "Lightspeed_Inventory__c";

        /// <summary>External id: the account-scoped Lightspeed itemShop id.</summary>
        public const string LightspeedItemShopId = "Lightspeed_Item_Shop_Id__c";

        /// <summary>Lookup to Product2.</summary>
        public const string Product = "Product__c";

        /// <summary>Lookup to the store.</summary>
        public const string Store = "Store__c";

        /// <summary>The store's code, stamped for the per-store criteria-based sharing rules.</summary>
        public const string StoreCode = "Store_Code__c";

        /// <summary>Units on hand.</summary>
        public const string QuantityOnHand = "Quantity_On_Hand__c";

        /// <summary>Reorder point.</summary>
        public const string ReorderPoint = "Reorder_Point__c";
    }

    /// <summary><c>Lightspeed_Sale__c</c> and its fields.</summary>
    public static class Sale
    {
        /// <summary>Object API name.</summary>
        public const string ObjectName = "Lightspeed_Sale__c";

        /// <summary>External id: the account-scoped Lightspeed sale id.</summary>
        public const string LightspeedSaleId = "Lightspeed_Sale_Id__c";

        /// <summary>Lookup to the store.</summary>
        public const string Store = "Store__c";

        /// <summary>The store's code, stamped for the per-store criteria-based sharing rules.</summary>
        public const string StoreCode = "Store_Code__c";

        /// <summary>Lookup to the Contact.</summary>
        public const string Contact = "Contact__c";

        /// <summary>Lookup to the Lead.</summary>
        public const string Lead = "Lead__c";

        /// <summary>Register.</summary>
        public const string Register = "Register__c";

        /// <summary>Completion instant.</summary>
        public const string SaleTime = "Sale_Time__c";

        /// <summary>Completed or Voided.</summary>
        public const string Status = "Status__c";

        /// <summary>Refund flag.</summary>
        public const string IsRefund = "Is_Refund__c";

        /// <summary>Subtotal.</summary>
        public const string Subtotal = "Subtotal__c";

        /// <summary>Discount.</summary>
        public const string Discount = "Discount__c";

        /// <summary>Tax.</summary>
        public const string Tax = "Tax__c";

        /// <summary>Total.</summary>
        public const string Total = "Total__c";

        /// <summary>ISO 4217 currency.</summary>
        public const string CurrencyCode = "Currency_Code__c";

        /// <summary>Receipt number.</summary>
        public const string TicketNumber = "Ticket_Number__c";

        /// <summary>POS, Web or Other.</summary>
        public const string Channel = "Channel__c";
    }

    /// <summary><c>Lightspeed_Sale_Line__c</c> and its fields.</summary>
    public static class SaleLine
    {
        /// <summary>Object API name.</summary>
        public const string ObjectName = "Lightspeed_Sale_Line__c";

        /// <summary>External id: the account-scoped Lightspeed saleLine id.</summary>
        public const string LightspeedSaleLineId = "Lightspeed_Sale_Line_Id__c";

        /// <summary>Master-detail to the sale.</summary>
        public const string Sale = "Sale__c";

        /// <summary>Lookup to Product2.</summary>
        public const string Product = "Product__c";

        /// <summary>Units.</summary>
        public const string Quantity = "Quantity__c";

        /// <summary>Unit price.</summary>
        public const string UnitPrice = "Unit_Price__c";

        /// <summary>Discount.</summary>
        public const string Discount = "Discount__c";

        /// <summary>Tax.</summary>
        public const string Tax = "Tax__c";

        /// <summary>Line total.</summary>
        public const string LineTotal = "Line_Total__c";

        /// <summary>For a refund line, the line it refunds.</summary>
        public const string OriginalLine = "Original_Line__c";
    }

    /// <summary><c>Lightspeed_Payment__c</c> and its fields.</summary>
    public static class Payment
    {
        /// <summary>Object API name.</summary>
        public const string ObjectName = "Lightspeed_Payment__c";

        /// <summary>External id: the account-scoped Lightspeed salePayment id.</summary>
        public const string LightspeedPaymentId = "Lightspeed_Payment_Id__c";

        /// <summary>Master-detail to the sale.</summary>
        public const string Sale = "Sale__c";

        /// <summary>Payment type name.</summary>
        public const string PaymentType = "Payment_Type__c";

        /// <summary>Amount.</summary>
        public const string Amount = "Amount__c";

        /// <summary>When paid.</summary>
        public const string PaidAt = "Paid_At__c";
    }
}
