using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class FlowReferenceRuleTests
{
    private readonly FlowReferenceRule _rule = new();

    [Test]
    public void Check_EventFieldDeleted_Reports()
    {
        using var copy = PackageCopy.Create().Delete("objects/Lightspeed_Resync_Request__e/fields/Reason__c.field-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Request_Resync", "Lightspeed_Resync_Request__e.Reason__c");
    }

    [Test]
    public void Check_LookupOutputFieldMissing_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.Flow, "<elementReference>Get_Sale.Lightspeed_Sale_Id__c</elementReference>", "<elementReference>Get_Sale.Sale_Key__c</elementReference>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Request_Resync", "Lightspeed_Sale__c.Sale_Key__c");
    }

    [Test]
    public void Check_UnknownObject_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.Flow, "<object>Lightspeed_Resync_Request__e</object>", "<object>Lightspeed_Resync__e</object>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Request_Resync", "unknown object Lightspeed_Resync__e");
    }
}
