using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class RollupRecordReferenceRuleTests
{
    private readonly RollupRecordReferenceRule _rule = new();

    [Test]
    public void Check_ParentFieldMissing_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.LifetimeValue, ">Lightspeed_Lifetime_Value__c<", ">Lifetime__c<");
        RuleAssert.Reports(_rule, copy.Load(), "Contact_Lifetime_Value", "parent field Contact.Lifetime__c does not exist");
    }

    [Test]
    public void Check_RelationshipPointsElsewhere_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.LifetimeValue, ">Contact__c<", ">Store__c<");
        RuleAssert.Reports(_rule, copy.Load(), "Contact_Lifetime_Value", "does not point at Contact");
    }

    [Test]
    public void Check_FilterOnMissingField_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.LifetimeValue, "Status__c = 'Completed'", "State__c = 'Completed'");
        RuleAssert.Reports(_rule, copy.Load(), "Contact_Lifetime_Value", "filter names State__c");
    }

    [Test]
    public void Check_UnknownValueField_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.LifetimeValue, "<field>Filter__c</field>", "<field>Where__c</field>");
        RuleAssert.Reports(_rule, copy.Load(), "Contact_Lifetime_Value", "sets Where__c");
    }

    [Test]
    public void Check_WithoutDescription_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.LifetimeValue, "<field>Description__c</field>", "<field>Filter__c</field>");
        RuleAssert.Reports(_rule, copy.Load(), "Contact_Lifetime_Value", "needs a Description__c");
    }
}
