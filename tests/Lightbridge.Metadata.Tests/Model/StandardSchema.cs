namespace Lightbridge.Metadata.Tests.Model;

/// <summary>
/// The standard objects and fields the package refers to without defining them. Required means the
/// platform requires a value on create (LastName, Company, Name), so no permission set may list it.
/// </summary>
internal static class StandardSchema
{
    private static readonly Dictionary<string, FieldModel[]> Objects = new(StringComparer.Ordinal)
    {
        ["Account"] = [F("Account", "Id", "Id"), F("Account", "Name", "Text", true), F("Account", "OwnerId", "Lookup")],
        ["Contact"] =
        [
            F("Contact", "Id", "Id"), F("Contact", "Name", "Text"), F("Contact", "FirstName", "Text"),
            F("Contact", "LastName", "Text", true), F("Contact", "Email", "Email"), F("Contact", "Phone", "Phone"),
            F("Contact", "MobilePhone", "Phone"), F("Contact", "Birthdate", "Date"), F("Contact", "AccountId", "Lookup"),
            F("Contact", "OwnerId", "Lookup"),
        ],
        ["Lead"] =
        [
            F("Lead", "Id", "Id"), F("Lead", "Name", "Text"), F("Lead", "FirstName", "Text"), F("Lead", "LastName", "Text", true),
            F("Lead", "Company", "Text", true), F("Lead", "Email", "Email"), F("Lead", "Phone", "Phone"),
            F("Lead", "MobilePhone", "Phone"), F("Lead", "IsConverted", "Checkbox"), F("Lead", "ConvertedContactId", "Lookup"),
            F("Lead", "OwnerId", "Lookup"),
        ],
        ["Product2"] =
        [
            F("Product2", "Id", "Id"), F("Product2", "Name", "Text", true), F("Product2", "ProductCode", "Text"),
            F("Product2", "Description", "TextArea"), F("Product2", "IsActive", "Checkbox"), F("Product2", "Family", "Picklist"),
        ],
        ["User"] = [F("User", "Id", "Id"), F("User", "Name", "Text"), F("User", "Username", "Text", true)],

        // The Opportunity mapping profile's objects (Mapping:Profile = Opportunity).
        ["Opportunity"] =
        [
            F("Opportunity", "Id", "Id"), F("Opportunity", "Name", "Text", true), F("Opportunity", "StageName", "Picklist", true),
            F("Opportunity", "CloseDate", "Date", true), F("Opportunity", "Amount", "Currency"), F("Opportunity", "AccountId", "Lookup"),
            F("Opportunity", "ContactId", "Lookup", referenceTo: "Contact"), F("Opportunity", "Pricebook2Id", "Lookup"), F("Opportunity", "IsWon", "Checkbox"),
            F("Opportunity", "OwnerId", "Lookup"),
        ],
        ["OpportunityLineItem"] =
        [
            F("OpportunityLineItem", "Id", "Id"), F("OpportunityLineItem", "OpportunityId", "MasterDetail", true),
            F("OpportunityLineItem", "PricebookEntryId", "Lookup"), F("OpportunityLineItem", "Product2Id", "Lookup"),
            F("OpportunityLineItem", "Quantity", "Number", true), F("OpportunityLineItem", "UnitPrice", "Currency"),
            F("OpportunityLineItem", "TotalPrice", "Currency"),
        ],
        ["Pricebook2"] = [F("Pricebook2", "Id", "Id"), F("Pricebook2", "Name", "Text", true), F("Pricebook2", "IsStandard", "Checkbox")],
        ["PricebookEntry"] =
        [
            F("PricebookEntry", "Id", "Id"), F("PricebookEntry", "Pricebook2Id", "Lookup", true), F("PricebookEntry", "Product2Id", "Lookup", true),
            F("PricebookEntry", "UnitPrice", "Currency", true), F("PricebookEntry", "IsActive", "Checkbox"),
        ],
    };

    /// <summary>
    /// Objects with no object permissions of their own: access to a line item is access to its opportunity, to a price
    /// book entry access to its product (the platform has no separate object permission for either).
    /// </summary>
    private static readonly Dictionary<string, string> AccessThrough = new(StringComparer.Ordinal)
    {
        ["OpportunityLineItem"] = "Opportunity",
        ["PricebookEntry"] = "Product2",
    };

    /// <summary>Fields every custom object has without a field file (Name is the nameField).</summary>
    private static readonly (string Name, string Type)[] CustomObjectSystemFields =
    [
        ("Id", "Id"), ("Name", "Text"), ("OwnerId", "Lookup"), ("CreatedDate", "DateTime"), ("CreatedById", "Lookup"),
        ("LastModifiedDate", "DateTime"), ("LastModifiedById", "Lookup"), ("SystemModstamp", "DateTime"),
    ];

    /// <summary>Fields every platform event has.</summary>
    private static readonly (string Name, string Type)[] EventSystemFields =
        [("ReplayId", "Text"), ("CreatedDate", "DateTime"), ("CreatedById", "Lookup"), ("EventUuid", "Text")];

    /// <summary>Fields every custom metadata type has.</summary>
    private static readonly (string Name, string Type)[] MetadataTypeSystemFields =
        [("Id", "Id"), ("DeveloperName", "Text"), ("MasterLabel", "Text"), ("Label", "Text"), ("QualifiedApiName", "Text")];

    public static IEnumerable<string> StandardObjectNames => Objects.Keys;

    public static bool IsStandardObject(string name) => Objects.ContainsKey(name);

    /// <summary>The object whose object permissions govern access to <paramref name="name"/>: itself, or its parent.</summary>
    public static string AccessObject(string name) => AccessThrough.GetValueOrDefault(name, name);

    /// <summary>The standard fields of a standard object, or the system fields of a custom one.</summary>
    public static IEnumerable<FieldModel> FieldsOf(string objectName)
    {
        if (Objects.TryGetValue(objectName, out var fields))
        {
            return fields;
        }

        var system = objectName.EndsWith("__e", StringComparison.Ordinal) ? EventSystemFields
            : objectName.EndsWith("__mdt", StringComparison.Ordinal) ? MetadataTypeSystemFields
            : CustomObjectSystemFields;
        return system.Select(f => F(objectName, f.Name, f.Type));
    }

    private static FieldModel F(string obj, string name, string type, bool required = false, string? referenceTo = null) =>
        new(obj, name, type, required, false, false, referenceTo, null);
}
