using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class QuickActionReferenceRuleTests
{
    private readonly QuickActionReferenceRule _rule = new();

    [Test]
    public void Check_LiteralNotAPicklistValue_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.Retry, "<literalValue>Retrying</literalValue>", "<literalValue>Retry</literalValue>");
        RuleAssert.Reports(_rule, copy.Load(), "Retry.quickAction", "'Retry' is not a value of Lightspeed_Sync_Error__c.Status__c");
    }

    [Test]
    public void Check_LayoutFieldMissing_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.Retry, "<field>Attempts__c</field>", "<field>Tries__c</field>");
        RuleAssert.Reports(_rule, copy.Load(), "Retry.quickAction", "Tries__c");
    }

    [Test]
    public void Check_FlowMissing_Reports()
    {
        using var copy = PackageCopy.Create().Delete(Paths.Flow);
        RuleAssert.Reports(_rule, copy.Load(), "Resync_from_Lightspeed", "flow 'Lightspeed_Request_Resync'");
    }
}
