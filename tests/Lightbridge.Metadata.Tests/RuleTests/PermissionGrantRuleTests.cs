using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class PermissionGrantRuleTests
{
    private static string Grant(string field) =>
        $"    <fieldPermissions>\n        <editable>false</editable>\n        <field>{field}</field>\n        <readable>true</readable>\n    </fieldPermissions>\n    <hasActivationRequired>";

    private readonly PermissionGrantRule _rule = new();

    [Test]
    public void Check_MasterDetailFieldGranted_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.Viewer, "    <hasActivationRequired>", Grant("Lightspeed_Sale_Line__c.Sale__c"));
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sales_Viewer", "Lightspeed_Sale_Line__c.Sale__c is master-detail");
    }

    [Test]
    public void Check_FieldMadeRequiredWhileGranted_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleRegister, "<required>false</required>", "<required>true</required>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Integration", "Lightspeed_Sale__c.Register__c is required");
    }

    [Test]
    public void Check_RequiredStandardFieldGranted_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.Integration, "    <hasActivationRequired>", Grant("Lead.Company"));
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Integration", "Lead.Company is required");
    }

    [Test]
    public void Check_PlatformEventFieldGranted_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.Integration, "    <hasActivationRequired>", Grant("Lightspeed_Resync_Request__e.Reason__c"));
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Integration", "Lightspeed_Resync_Request__e.Reason__c is a platform event field");
    }

    [Test]
    public void Check_SummaryFieldEditable_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.Integration,
            "<editable>false</editable>\n        <field>Lightspeed_Sale__c.Paid__c</field>",
            "<editable>true</editable>\n        <field>Lightspeed_Sale__c.Paid__c</field>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Integration", "Lightspeed_Sale__c.Paid__c is computed");
    }
}
