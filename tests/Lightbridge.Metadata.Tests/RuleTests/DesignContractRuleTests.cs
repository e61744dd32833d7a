using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class DesignContractRuleTests
{
    private readonly DesignContractRule _rule = new();

    [Test]
    public void Check_DesignFieldMissing_Reports()
    {
        using var copy = PackageCopy.Create().Delete(Paths.SaleFields + "Is_Refund__c.field-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), "design field Lightspeed_Sale__c.Is_Refund__c is missing");
    }

    [Test]
    public void Check_DesignFieldOfAnotherType_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleTotal, "<type>Currency</type>", "<type>Number</type>");
        RuleAssert.Reports(_rule, copy.Load(), "Total__c", "is Number, the design says Currency");
    }

    [Test]
    public void Check_DesignObjectMissing_Reports()
    {
        using var copy = PackageCopy.Create().Delete("objects/Lightspeed_Inventory__c/Lightspeed_Inventory__c.object-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), "design object Lightspeed_Inventory__c is missing");
    }

    [Test]
    public void Check_PicklistValueRenamed_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleStatus, "<fullName>Voided</fullName>", "<fullName>Void</fullName>");
        RuleAssert.Reports(_rule, copy.Load(), "Status__c", "the design says [Completed, Voided]");
    }

    [Test]
    public void Check_StandardVolumeEvent_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.EventObject, "<eventType>HighVolume</eventType>", "<eventType>StandardVolume</eventType>");
        RuleAssert.Reports(_rule, copy.Load(), "HighVolume and PublishAfterCommit");
    }

    [Test]
    public void Check_ExternalIdFlagDropped_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleExternalId, "<externalId>true</externalId>", "<externalId>false</externalId>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sale_Id__c", "the design makes it an external ID");
    }
}
