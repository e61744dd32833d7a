using static Lightbridge.Emulators.Salesforce.Schema.StandardObjects;

namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>
/// The standard sales objects the Opportunity mapping profile writes: <c>Opportunity</c>, <c>OpportunityLineItem</c>,
/// <c>Pricebook2</c> and <c>PricebookEntry</c>, with the fields the product reads or writes. Their cross-record rules
/// (price book integrity, the line item's prices, the opportunity's amount) live in <c>Validation/ProductRules</c>.
/// </summary>
internal static class ProductObjects
{
    /// <summary>The stages of a new org's sales process, in order; the closed ones last.</summary>
    public static readonly string[] Stages =
    [
        "Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers", "Perception Analysis",
        "Proposal/Price Quote", "Negotiation/Review", ClosedWon, ClosedLost,
    ];

    /// <summary>The won stage of a new org.</summary>
    public const string ClosedWon = "Closed Won";

    /// <summary>The lost stage of a new org.</summary>
    public const string ClosedLost = "Closed Lost";

    public static void AddTo(OrgSchema schema)
    {
        var pricebook = Standard(schema, "Pricebook2", "01s", "Price Book");
        pricebook.AddField(Text("Name", "Price Book Name", 255, required: true));
        pricebook.AddField(new FieldDefinition { Name = "IsActive", Type = FieldType.Checkbox, Label = "Active", DefaultValue = false });

        // Every org has exactly one standard price book; the API cannot create another (the emulator seeds it at reset).
        pricebook.AddField(new FieldDefinition { Name = "IsStandard", Type = FieldType.Checkbox, Label = "Is Standard Price Book", ReadOnly = true });
        pricebook.AddField(new FieldDefinition { Name = "Description", Type = FieldType.TextArea, Label = "Description", Length = 255 });

        var entry = Standard(schema, "PricebookEntry", "01u", "Price Book Entry");
        entry.AddField(Text("Name", "Product Name", 255, readOnly: true));
        entry.AddField(CreateOnlyReference("Pricebook2Id", "Price Book ID", "Pricebook2", "Pricebook2", required: true));
        entry.AddField(CreateOnlyReference("Product2Id", "Product ID", "Product2", "Product2", required: true));
        entry.AddField(new FieldDefinition { Name = "UnitPrice", Type = FieldType.Currency, Label = "List Price", Precision = 18, Scale = 2, Required = true });
        entry.AddField(new FieldDefinition { Name = "IsActive", Type = FieldType.Checkbox, Label = "Active", DefaultValue = false });
        entry.AddField(new FieldDefinition { Name = "UseStandardPrice", Type = FieldType.Checkbox, Label = "Use Standard Price", DefaultValue = false });
        entry.AddField(Text("ProductCode", "Product Code", 255, readOnly: true));

        var opportunity = Standard(schema, "Opportunity", "006", "Opportunity");
        opportunity.AddField(Text("Name", "Name", 120, required: true));
        opportunity.AddField(new FieldDefinition
        {
            Name = "StageName", Type = FieldType.Picklist, Label = "Stage", Length = 255, Required = true, RestrictedPicklist = true, PicklistValues = Stages,
        });
        opportunity.AddField(new FieldDefinition { Name = "CloseDate", Type = FieldType.Date, Label = "Close Date", Required = true });

        // Writable while the opportunity has no line items; from the first one on it is their TotalPrice summed.
        opportunity.AddField(new FieldDefinition { Name = "Amount", Type = FieldType.Currency, Label = "Amount", Precision = 18, Scale = 2 });
        opportunity.AddField(new FieldDefinition { Name = "IsClosed", Type = FieldType.Checkbox, Label = "Closed", ReadOnly = true });
        opportunity.AddField(new FieldDefinition { Name = "IsWon", Type = FieldType.Checkbox, Label = "Won", ReadOnly = true });
        opportunity.AddField(new FieldDefinition { Name = "HasOpportunityLineItem", Type = FieldType.Checkbox, Label = "Has Line Item", ReadOnly = true });
        opportunity.AddField(Reference("AccountId", "Account ID", "Account", "Account"));

        // The primary contact: set on create (it makes the primary contact role), not updateable afterwards.
        opportunity.AddField(CreateOnlyReference("ContactId", "Contact ID", "Contact", "Contact", required: false));
        opportunity.AddField(Reference("Pricebook2Id", "Price Book ID", "Pricebook2", "Pricebook2"));
        opportunity.AddField(new FieldDefinition { Name = "Description", Type = FieldType.LongTextArea, Label = "Description", Length = 32000 });
        opportunity.AddField(Text("Type", "Opportunity Type", 255));
        opportunity.AddField(Text("LeadSource", "Lead Source", 255));
        opportunity.AddField(Text("NextStep", "Next Step", 255));
        opportunity.AddField(Owner());

        var line = Standard(schema, "OpportunityLineItem", "00k", "Opportunity Product");
        line.AddField(Text("Name", "Opportunity Product Name", 376, readOnly: true));
        line.AddField(new FieldDefinition
        {
            Name = "OpportunityId", Type = FieldType.MasterDetail, Label = "Opportunity ID", ReferenceTo = "Opportunity", RelationshipName = "Opportunity",
            ChildRelationshipName = "OpportunityLineItems", Length = 18, Required = true, CreateOnly = true,
        });
        line.AddField(CreateOnlyReference("PricebookEntryId", "Price Book Entry ID", "PricebookEntry", "PricebookEntry", required: false));
        line.AddField(CreateOnlyReference("Product2Id", "Product ID", "Product2", "Product2", required: false));
        line.AddField(new FieldDefinition { Name = "Quantity", Type = FieldType.Number, Label = "Quantity", Precision = 12, Scale = 2, Required = true });
        line.AddField(new FieldDefinition { Name = "UnitPrice", Type = FieldType.Currency, Label = "Sales Price", Precision = 18, Scale = 2 });
        line.AddField(new FieldDefinition { Name = "TotalPrice", Type = FieldType.Currency, Label = "Total Price", Precision = 18, Scale = 2 });
        line.AddField(new FieldDefinition { Name = "ListPrice", Type = FieldType.Currency, Label = "List Price", Precision = 18, Scale = 2, ReadOnly = true });
        line.AddField(new FieldDefinition { Name = "Discount", Type = FieldType.Percent, Label = "Discount", Precision = 5, Scale = 2 });
        line.AddField(Text("Description", "Line Description", 255));
        line.AddField(new FieldDefinition { Name = "ServiceDate", Type = FieldType.Date, Label = "Date" });
        line.AddField(Text("ProductCode", "Product Code", 255, readOnly: true));
    }

    private static FieldDefinition CreateOnlyReference(string name, string label, string to, string relationship, bool required) =>
        new()
        {
            Name = name, Type = FieldType.Lookup, Label = label, ReferenceTo = to, RelationshipName = relationship, Length = 18, Required = required, CreateOnly = true,
        };
}
