namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>
/// Built-in definitions of the standard objects the product touches. An SFDX package adds custom fields to them,
/// but a field defined in neither place does not exist (INVALID_FIELD), as in an org.
/// </summary>
internal static class StandardObjects
{
    public static void AddTo(OrgSchema schema)
    {
        var user = Standard(schema, "User", "005", "User");
        user.AddField(Text("Username", "Username", 80, required: true, unique: true));
        user.AddField(Text("FirstName", "First Name", 40));
        user.AddField(Text("LastName", "Last Name", 80, required: true));
        user.AddField(Text("Name", "Full Name", 121, readOnly: true));
        user.AddField(new FieldDefinition { Name = "Email", Type = FieldType.Email, Label = "Email", Length = 80, Required = true });
        user.AddField(new FieldDefinition { Name = "IsActive", Type = FieldType.Checkbox, Label = "Active", DefaultValue = true });

        var account = Standard(schema, "Account", "001", "Account");
        account.AddField(Text("Name", "Account Name", 255, required: true));
        account.AddField(new FieldDefinition { Name = "Phone", Type = FieldType.Phone, Label = "Account Phone", Length = 40 });
        account.AddField(new FieldDefinition { Name = "Website", Type = FieldType.Url, Label = "Website", Length = 255 });
        account.AddField(new FieldDefinition { Name = "Description", Type = FieldType.LongTextArea, Label = "Account Description", Length = 32000 });
        account.AddField(Text("BillingCity", "Billing City", 40));
        account.AddField(Owner());

        var contact = Standard(schema, "Contact", "003", "Contact");
        // As in a real org, only LastName is required on a Contact; FirstName is optional.
        contact.AddField(Text("FirstName", "First Name", 40));
        contact.AddField(Text("LastName", "Last Name", 80, required: true));
        contact.AddField(Text("Name", "Full Name", 121, readOnly: true));
        contact.AddField(new FieldDefinition { Name = "Email", Type = FieldType.Email, Label = "Email", Length = 80 });
        contact.AddField(new FieldDefinition { Name = "Phone", Type = FieldType.Phone, Label = "Business Phone", Length = 40 });
        contact.AddField(new FieldDefinition { Name = "MobilePhone", Type = FieldType.Phone, Label = "Mobile Phone", Length = 40 });
        contact.AddField(new FieldDefinition { Name = "Birthdate", Type = FieldType.Date, Label = "Birthdate" });
        contact.AddField(Text("MailingStreet", "Mailing Street", 255));
        contact.AddField(Text("MailingCity", "Mailing City", 40));
        contact.AddField(Text("MailingPostalCode", "Mailing Zip/Postal Code", 20));
        contact.AddField(Text("MailingCountry", "Mailing Country", 80));
        contact.AddField(new FieldDefinition { Name = "HasOptedOutOfEmail", Type = FieldType.Checkbox, Label = "Email Opt Out", DefaultValue = false });
        contact.AddField(Reference("AccountId", "Account ID", "Account", "Account"));
        contact.AddField(Owner());

        var lead = Standard(schema, "Lead", "00Q", "Lead");
        lead.AddField(Text("FirstName", "First Name", 40));
        lead.AddField(Text("LastName", "Last Name", 80, required: true));
        lead.AddField(Text("Name", "Full Name", 121, readOnly: true));
        lead.AddField(Text("Company", "Company", 255, required: true));
        lead.AddField(new FieldDefinition { Name = "Email", Type = FieldType.Email, Label = "Email", Length = 80 });
        lead.AddField(new FieldDefinition { Name = "Phone", Type = FieldType.Phone, Label = "Phone", Length = 40 });
        lead.AddField(new FieldDefinition { Name = "MobilePhone", Type = FieldType.Phone, Label = "Mobile Phone", Length = 40 });
        lead.AddField(new FieldDefinition
        {
            Name = "Status", Type = FieldType.Picklist, Label = "Lead Status", Required = true, RestrictedPicklist = true,
            PicklistValues = ["Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"],
            DefaultValue = "Open - Not Contacted",
        });
        lead.AddField(Text("LeadSource", "Lead Source", 255));
        lead.AddField(new FieldDefinition { Name = "IsConverted", Type = FieldType.Checkbox, Label = "Converted", DefaultValue = false });
        lead.AddField(Reference("ConvertedContactId", "Converted Contact ID", "Contact", "ConvertedContact"));
        lead.AddField(Reference("ConvertedAccountId", "Converted Account ID", "Account", "ConvertedAccount"));
        lead.AddField(new FieldDefinition { Name = "ConvertedDate", Type = FieldType.Date, Label = "Converted Date" });
        lead.AddField(Owner());

        var product = Standard(schema, "Product2", "01t", "Product");
        product.AddField(Text("Name", "Product Name", 255, required: true));
        product.AddField(Text("ProductCode", "Product Code", 255));
        product.AddField(new FieldDefinition { Name = "IsActive", Type = FieldType.Checkbox, Label = "Active", DefaultValue = false });
        product.AddField(new FieldDefinition { Name = "Description", Type = FieldType.TextArea, Label = "Product Description", Length = 4000 });
        product.AddField(Text("Family", "Product Family", 255));
        product.AddField(Text("StockKeepingUnit", "Product SKU", 180));

        ProductObjects.AddTo(schema);
    }

    internal static ObjectDefinition Standard(OrgSchema schema, string name, string prefix, string label)
    {
        var definition = schema.GetOrAdd(name, ObjectKind.Standard, prefix);
        definition.Label = label;
        SystemFields.AddTo(definition);
        return definition;
    }

    internal static FieldDefinition Text(string name, string label, int length, bool required = false, bool unique = false, bool readOnly = false) =>
        new() { Name = name, Type = FieldType.Text, Label = label, Length = length, Required = required, Unique = unique, ReadOnly = readOnly };

    internal static FieldDefinition Reference(string name, string label, string to, string relationship) =>
        new() { Name = name, Type = FieldType.Lookup, Label = label, ReferenceTo = to, RelationshipName = relationship, Length = 18 };

    internal static FieldDefinition Owner() =>
        new() { Name = "OwnerId", Type = FieldType.Lookup, Label = "Owner ID", ReferenceTo = "User", RelationshipName = "Owner", Length = 18 };
}
