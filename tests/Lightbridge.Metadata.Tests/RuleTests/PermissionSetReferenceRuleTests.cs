using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class PermissionSetReferenceRuleTests
{
    private readonly PermissionSetReferenceRule _rule = new();

    [Test]
    public void Check_GrantedFieldDeleted_Reports()
    {
        using var copy = PackageCopy.Create().Delete(Paths.SaleRegister);
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Integration", "unknown field Lightspeed_Sale__c.Register__c");
    }

    [Test]
    public void Check_UnknownObject_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.Viewer, "<object>Lightspeed_Inventory__c</object>", "<object>Lightspeed_Stock__c</object>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sales_Viewer", "unknown object Lightspeed_Stock__c");
    }

    [Test]
    public void Check_TabThePackageLacks_Reports()
    {
        using var copy = PackageCopy.Create().Delete(Paths.SaleTab);
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sales_Viewer", "tab Lightspeed_Sale__c");
    }
}
