using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class KnownElementsRuleTests
{
    private readonly KnownElementsRule _rule = new();

    [Test]
    public void Check_UnknownElementOnField_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleTotal, "<label>Total</label>", "<label>Total</label><colour>red</colour>");
        RuleAssert.Reports(_rule, copy.Load(), "Total__c.field-meta.xml", "<colour> is not a known element of <CustomField>");
    }

    [Test]
    public void Check_UnknownNestedElementInPermissionSet_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.Viewer, "<readable>true</readable>", "<readable>true</readable><deletable>false</deletable>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sales_Viewer", "<deletable> is not a known element of <PermissionSet/fieldPermissions>");
    }

    [Test]
    public void Check_UnknownAttribute_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleTotal, "<label>Total</label>", "<label lang=\"en\">Total</label>");
        RuleAssert.Reports(_rule, copy.Load(), "Total__c.field-meta.xml", "attribute lang");
    }

    [Test]
    public void Check_ValueElementWithChildren_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleTotal, "<label>Total</label>", "<label><text>Total</text></label>");
        RuleAssert.Reports(_rule, copy.Load(), "Total__c.field-meta.xml", "<CustomField/label> holds elements");
    }
}
