using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class RelationshipReferenceRuleTests
{
    private readonly RelationshipReferenceRule _rule = new();

    [Test]
    public void Check_SummaryOverLookup_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SalePaid, "Lightspeed_Payment__c.Sale__c", "Lightspeed_Sale_Line__c.Product__c");
        RuleAssert.Reports(_rule, copy.Load(), "Paid__c.field-meta.xml", "is not a master-detail field pointing at Lightspeed_Sale__c");
    }

    [Test]
    public void Check_SummarizedFieldMissing_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SalePaid, "Lightspeed_Payment__c.Amount__c", "Lightspeed_Payment__c.Tip__c");
        RuleAssert.Reports(_rule, copy.Load(), "Paid__c.field-meta.xml", "summarizedField Lightspeed_Payment__c.Tip__c does not exist");
    }

    [Test]
    public void Check_LookupToUnknownObject_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleFields + "Store__c.field-meta.xml", "<referenceTo>Lightspeed_Store__c</referenceTo>", "<referenceTo>Shop__c</referenceTo>");
        RuleAssert.Reports(_rule, copy.Load(), "Store__c.field-meta.xml", "points at unknown object Shop__c");
    }
}
