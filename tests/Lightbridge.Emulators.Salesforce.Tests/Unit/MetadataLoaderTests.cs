using Lightbridge.Emulators.Salesforce.Schema;

namespace Lightbridge.Emulators.Salesforce.Tests.Unit;

public sealed class MetadataLoaderTests
{
    private static readonly OrgSchema Schema = MetadataLoader.Load(TestOrg.FixturePath);

    [Test]
    public void Load_Fields_CarryTypesLengthsAndFlags()
    {
        var sale = Schema.Find("Sale__c")!;
        Assert.Multiple(() =>
        {
            var total = sale.FindField("Total__c")!;
            Assert.That(total.Type, Is.EqualTo(FieldType.Currency));
            Assert.That((total.Precision, total.Scale), Is.EqualTo((16, 2)));
            var saleId = sale.FindField("Sale_Id__c")!;
            Assert.That((saleId.ExternalId, saleId.Unique, saleId.Length), Is.EqualTo((true, true, 64)));
            var status = sale.FindField("Status__c")!;
            Assert.That(status.RestrictedPicklist, Is.True);
            Assert.That(status.PicklistValues, Is.EqualTo(new[] { "Completed", "Voided" }));
            Assert.That(status.DefaultValue, Is.EqualTo("Completed"));
            var store = sale.FindField("Store__c")!;
            Assert.That(store.Type, Is.EqualTo(FieldType.MasterDetail));
            Assert.That(store.Required, Is.True, "master-detail is always required");
            Assert.That(store.RelationshipName, Is.EqualTo("Store__r"));
            Assert.That(store.ChildRelationshipName, Is.EqualTo("Sales"));
            Assert.That(sale.FindField("Name")!.Type, Is.EqualTo(FieldType.AutoNumber));
            Assert.That(sale.FindField("Is_Refund__c")!.DefaultValue, Is.EqualTo(false));
            Assert.That(sale.FindField("No_Such__c"), Is.Null);
        });
    }

    [Test]
    public void Load_Summary_ParsesOperationForeignKeyAndFilter()
    {
        var summary = Schema.Find("Store__c")!.FindField("Total_Sales__c")!.Summary!;
        Assert.Multiple(() =>
        {
            Assert.That(summary.Operation, Is.EqualTo("sum"));
            Assert.That(summary.ChildObject, Is.EqualTo("Sale__c"));
            Assert.That(summary.ForeignKeyField, Is.EqualTo("Store__c"));
            Assert.That(summary.SummarizedField, Is.EqualTo("Total__c"));
            Assert.That(summary.Filters.Single(), Is.EqualTo(new SummaryFilter("Status__c", "equals", "Completed")));
        });
    }

    [Test]
    public void Load_ValidationRulesEventsAndCustomMetadata()
    {
        Assert.Multiple(() =>
        {
            var rules = Schema.Find("Sale__c")!.ValidationRules;
            Assert.That(rules.Select(r => r.Name), Is.EquivalentTo(new[] { "Inactive_Rule", "Refund_Needs_Negative_Total", "Voided_Needs_Note" }));
            Assert.That(rules.Single(r => r.Name == "Refund_Needs_Negative_Total").ErrorDisplayField, Is.EqualTo("Total__c"));
            Assert.That(rules.Single(r => r.Name == "Inactive_Rule").Active, Is.False);
            Assert.That(Schema.Find("Resync__e")!.Kind, Is.EqualTo(ObjectKind.PlatformEvent));
            Assert.That(Schema.Find("Rollup__mdt")!.Kind, Is.EqualTo(ObjectKind.CustomMetadata));
            var record = Schema.CustomMetadataRecords.Single();
            Assert.That(record.Type, Is.EqualTo("Rollup__mdt"));
            Assert.That(record.Values["DeveloperName"], Is.EqualTo("Store_Total"));
            Assert.That(record.Values["Operation__c"], Is.EqualTo("SUM"));
        });
    }

    [Test]
    public void Load_StandardObjects_HaveKeyPrefixesAndPackageFields()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Schema.Find("Account")!.KeyPrefix, Is.EqualTo("001"));
            Assert.That(Schema.Find("Contact")!.KeyPrefix, Is.EqualTo("003"));
            Assert.That(Schema.Find("Lead")!.KeyPrefix, Is.EqualTo("00Q"));
            Assert.That(Schema.Find("Product2")!.KeyPrefix, Is.EqualTo("01t"));
            Assert.That(Schema.Find("User")!.KeyPrefix, Is.EqualTo("005"));
            Assert.That(Schema.Find("Contact")!.FindField("Customer_Id__c")!.ExternalId, Is.True);
            Assert.That(Schema.Find("Lead")!.FindField("Status")!.DefaultValue, Is.EqualTo("Open - Not Contacted"));
            Assert.That(Schema.Find("Store__c")!.KeyPrefix, Does.Match("^a[0-9]"));
            Assert.That(Schema.Find("Resync__e")!.KeyPrefix, Does.StartWith("e"));
        });
    }

    [Test]
    public void Load_MissingFolder_Throws() =>
        Assert.That(() => MetadataLoader.Load(Path.Combine(TestOrg.FixturePath, "nope")), Throws.TypeOf<DirectoryNotFoundException>());

    [Test]
    public void Load_RepositoryForceApp_HasTheDesignObjectsItDefines()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "sfdx-project.json")))
        {
            root = root.Parent;
        }

        Assert.That(root, Is.Not.Null, "repository root with sfdx-project.json");
        var forceApp = Path.Combine(root!.FullName, "force-app");
        var objectsDir = Path.Combine(forceApp, "main", "default", "objects");
        Assume.That(Directory.Exists(objectsDir), "the repository's force-app has no objects yet");
        var schema = MetadataLoader.Load(forceApp);
        var expected = new Dictionary<string, string>
        {
            ["Lightspeed_Store__c"] = "Lightspeed_Shop_Id__c",
            ["Lightspeed_Sale__c"] = "Lightspeed_Sale_Id__c",
            ["Lightspeed_Sale_Line__c"] = "Lightspeed_Sale_Line_Id__c",
            ["Lightspeed_Payment__c"] = "Lightspeed_Payment_Id__c",
            ["Lightspeed_Inventory__c"] = "Lightspeed_Item_Shop_Id__c",
            ["Lightspeed_Sync_Error__c"] = "Error_Key__c",
            ["Lightspeed_Sync_Run__c"] = "Run_Id__c",
            ["Contact"] = "Lightspeed_Customer_Id__c",
            ["Lead"] = "Lightspeed_Customer_Id__c",
            ["Product2"] = "Lightspeed_Item_Id__c",
        };
        var checkedAny = false;
        foreach (var (objectName, externalId) in expected)
        {
            if (!File.Exists(Path.Combine(objectsDir, objectName, "fields", externalId + ".field-meta.xml")))
            {
                continue;
            }

            checkedAny = true;
            var field = schema.Find(objectName)?.FindField(externalId);
            Assert.That(field?.ExternalId, Is.True, $"{objectName}.{externalId} is an external ID");
        }

        if (Directory.Exists(Path.Combine(objectsDir, "Lightspeed_Resync_Request__e")))
        {
            Assert.That(schema.Find("Lightspeed_Resync_Request__e")!.Kind, Is.EqualTo(ObjectKind.PlatformEvent));
        }

        if (Directory.Exists(Path.Combine(objectsDir, "Lightspeed_Sale_Line__c", "fields")) && File.Exists(Path.Combine(objectsDir, "Lightspeed_Sale_Line__c", "fields", "Sale__c.field-meta.xml")))
        {
            Assert.That(schema.Find("Lightspeed_Sale_Line__c")!.FindField("Sale__c")!.Type, Is.EqualTo(FieldType.MasterDetail));
        }

        Assume.That(checkedAny, "no design object with its external ID in force-app yet");
    }
}
