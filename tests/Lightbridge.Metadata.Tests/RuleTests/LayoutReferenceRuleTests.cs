using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class LayoutReferenceRuleTests
{
    private readonly LayoutReferenceRule _rule = new();

    [Test]
    public void Check_LayoutFieldThatDoesNotExist_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleLayout, "<field>Register__c</field>", "<field>Till__c</field>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed Sale Layout", "Till__c");
    }

    [Test]
    public void Check_RelatedListNotPointingAtObject_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleLayout, "<relatedList>Lightspeed_Payment__c.Sale__c</relatedList>", "<relatedList>Lightspeed_Payment__c.Paid_At__c</relatedList>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed Sale Layout", "related list Lightspeed_Payment__c.Paid_At__c");
    }

    [Test]
    public void Check_RelatedListColumnMissing_Reports()
    {
        using var copy = PackageCopy.Create().Delete("objects/Lightspeed_Sale_Line__c/fields/Sku__c.field-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed Sale Layout", "shows Sku__c");
    }

    [Test]
    public void Check_QuickActionMissing_Reports()
    {
        using var copy = PackageCopy.Create().Delete(Paths.SaleResync);
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed Sale Layout", "quick action Lightspeed_Sale__c.Resync_from_Lightspeed");
    }
}
