using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests;

/// <summary>The components issue 3 asks for are in the package, with the names admins and docs use.</summary>
public sealed class PackageContentsTests
{
    private static readonly Lazy<PackageModel> Package = new(() => PackageModel.Load(RepositoryRoot.ForceApp()));

    private static IEnumerable<string> Names(MetadataKind kind) =>
        Package.Value.OfKind(kind).Select(f => f.OwnerName is null ? f.ComponentName! : $"{f.OwnerName}.{f.ComponentName}");

    [Test]
    public void PermissionSets_AreTheThreeRoleBasedSetsWithLabels()
    {
        var labels = Package.Value.OfKind(MetadataKinds.PermissionSet).ToDictionary(p => p.ComponentName!, p => p.Value("label"));
        Assert.That(labels, Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["Lightspeed_Integration"] = "Lightbridge: Integration User",
            ["Lightspeed_Sync_Admin"] = "Lightbridge: Sync Admin",
            ["Lightspeed_Sales_Viewer"] = "Lightbridge: Sales Viewer",
        }));
    }

    [Test]
    public void Integration_IsApiEnabled()
    {
        var set = Package.Value.OfKind(MetadataKinds.PermissionSet).Single(p => p.ComponentName == "Lightspeed_Integration");
        Assert.That(set.Elements("userPermissions").Any(u => u.Element(MetadataFile.Ns + "name")?.Value == "ApiEnabled"), Is.True);
    }

    [Test]
    public void SyncAdmin_MayPublishResyncRequests()
    {
        var set = Package.Value.OfKind(MetadataKinds.PermissionSet).Single(p => p.ComponentName == "Lightspeed_Sync_Admin");
        var grant = set.Elements("objectPermissions").Single(o => o.Element(MetadataFile.Ns + "object")?.Value == "Lightspeed_Resync_Request__e");
        Assert.That(grant.Element(MetadataFile.Ns + "allowCreate")?.Value, Is.EqualTo("true"));
    }

    [Test]
    public void SalesViewer_IsReadOnly()
    {
        var set = Package.Value.OfKind(MetadataKinds.PermissionSet).Single(p => p.ComponentName == "Lightspeed_Sales_Viewer");
        var writes = set.Root!.Descendants().Where(e => e.Name.LocalName is "allowCreate" or "allowEdit" or "allowDelete" or "editable" && e.Value == "true");
        Assert.That(writes, Is.Empty);
    }

    [Test]
    public void Tabs_CoverStoresSalesErrorsAndRuns() =>
        Assert.That(Names(MetadataKinds.CustomTab), Is.SupersetOf(new[] { "Lightspeed_Store__c", "Lightspeed_Sale__c", "Lightspeed_Sync_Error__c", "Lightspeed_Sync_Run__c" }));

    [Test]
    public void ListViews_IncludeOpenErrorsTodaysSalesAndFailedRuns() =>
        Assert.That(Names(MetadataKinds.ListView), Is.SupersetOf(new[] { "Lightspeed_Sync_Error__c.Open_Errors", "Lightspeed_Sale__c.Todays_Sales", "Lightspeed_Sync_Run__c.Failed_Runs" }));

    [Test]
    public void QuickActions_ResyncOnContactProductSaleAndRetryOnErrors() =>
        Assert.That(Names(MetadataKinds.QuickAction), Is.SupersetOf(new[]
        {
            "Contact.Resync_from_Lightspeed", "Product2.Resync_from_Lightspeed", "Lightspeed_Sale__c.Resync_from_Lightspeed", "Lightspeed_Sync_Error__c.Retry",
        }));

    [Test]
    public void Flow_PublishesTheResyncEvent()
    {
        var flow = Package.Value.OfKind(MetadataKinds.Flow).Single(f => f.ComponentName == "Lightspeed_Request_Resync");
        Assert.That(flow.Elements("recordCreates").Select(c => c.Element(MetadataFile.Ns + "object")?.Value), Does.Contain("Lightspeed_Resync_Request__e"));
    }

    [Test]
    public void RollupRecords_CoverContactAndStoreRollups() =>
        Assert.That(Names(MetadataKinds.CustomMetadata), Is.SupersetOf(new[]
        {
            "Lightspeed_Rollup.Contact_Lifetime_Value", "Lightspeed_Rollup.Contact_Purchase_Count", "Lightspeed_Rollup.Contact_Last_Purchase",
            "Lightspeed_Rollup.Store_Total_Sales", "Lightspeed_Rollup.Store_Sale_Count",

            // The Opportunity mapping profile's.
            "Lightspeed_Rollup.Contact_Opportunity_Value", "Lightspeed_Rollup.Store_Opportunity_Total", "Lightspeed_Rollup.Store_Opportunity_Count",
        }));

    [Test]
    public void SaleLayout_ShowsLinesAndPayments()
    {
        var layout = Package.Value.OfKind(MetadataKinds.Layout).Single(l => l.OwnerName == "Lightspeed_Sale__c");
        var related = layout.Elements("relatedLists").Select(r => r.Element(MetadataFile.Ns + "relatedList")?.Value);
        Assert.That(related, Is.SupersetOf(new[] { "Lightspeed_Sale_Line__c.Sale__c", "Lightspeed_Payment__c.Sale__c" }));
    }

    [Test]
    public void ValidationRules_LineNeedsQuantityAndPaymentNeedsAmount() =>
        Assert.That(Names(MetadataKinds.ValidationRule), Is.SupersetOf(new[] { "Lightspeed_Sale_Line__c.Quantity_Required", "Lightspeed_Payment__c.Amount_Required" }));

    [Test]
    public void SharingModels_SalesAndStockPrivate_LinesAndPaymentsFollowTheirSale()
    {
        // docs/admin-guide.md, "Store-level access": store groups and head office get access through sharing rules.
        var models = Package.Value.OfKind(MetadataKinds.CustomObject).ToDictionary(o => o.ComponentName!, o => o.Value("sharingModel"));
        Assert.Multiple(() =>
        {
            Assert.That(models["Lightspeed_Sale__c"], Is.EqualTo("Private"));
            Assert.That(models["Lightspeed_Inventory__c"], Is.EqualTo("Private"));
            Assert.That(models["Lightspeed_Sale_Line__c"], Is.EqualTo("ControlledByParent"));
            Assert.That(models["Lightspeed_Payment__c"], Is.EqualTo("ControlledByParent"));
            Assert.That(models["Lightspeed_Store__c"], Is.EqualTo("Read"), "every user may see the list of stores");
        });
    }

    [Test]
    public void SfdxProject_PointsAtForceAppWithApi62()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "sfdx-project.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var dirs = doc.RootElement.GetProperty("packageDirectories").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(dirs.Single(d => d.TryGetProperty("default", out var v) && v.GetBoolean()).GetProperty("path").GetString(), Is.EqualTo("force-app"));
            Assert.That(doc.RootElement.GetProperty("sourceApiVersion").GetString(), Is.EqualTo("62.0"));
        });
    }
}
