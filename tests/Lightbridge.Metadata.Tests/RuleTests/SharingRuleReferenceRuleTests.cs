using Lightbridge.Core.Sharing;
using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class SharingRuleReferenceRuleTests
{
    private const string SaleRules = "sharingRules/Lightspeed_Sale__c.sharingRules-meta.xml";
    private const string InventoryRules = "sharingRules/Lightspeed_Inventory__c.sharingRules-meta.xml";
    private static readonly SharedStore Downtown = new("S120645_1", "Downtown");

    private readonly SharingRuleReferenceRule _rule = new();

    [Test]
    public void Check_GeneratedSharing_Passes()
    {
        using var copy = PackageCopy.Create().WithSharing(Downtown, new SharedStore("S120645_2", "Airport"));
        RuleAssert.Passes(_rule, copy.Load());
    }

    [Test]
    public void Check_CriteriaOnFieldTheObjectLacks_Reports()
    {
        using var copy = PackageCopy.Create().WithSharing(Downtown).Delete("objects/Lightspeed_Inventory__c/fields/Store_Code__c.field-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), InventoryRules, "filters on Lightspeed_Inventory__c.Store_Code__c, which does not exist");
    }

    [Test]
    public void Check_RuleSharesToMissingGroup_Reports()
    {
        using var copy = PackageCopy.Create().WithSharing(Downtown).Delete("groups/Lightspeed_Store_S120645_1.group-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), SaleRules, "names group Lightspeed_Store_S120645_1, which the deploy does not define");
    }

    [Test]
    public void Check_HeadOfficeGroupMissing_Reports()
    {
        using var copy = PackageCopy.Create().WithSharing(Downtown).Delete("groups/Lightspeed_Head_Office.group-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), SaleRules, "names group Lightspeed_Head_Office");
    }

    [Test]
    public void Check_ObjectControlledByItsParent_Reports()
    {
        using var copy = PackageCopy.Create().WithSharing(Downtown)
            .Replace("objects/Lightspeed_Sale__c/Lightspeed_Sale__c.object-meta.xml", "<sharingModel>Private</sharingModel>", "<sharingModel>ReadWrite</sharingModel>");
        RuleAssert.Reports(_rule, copy.Load(), SaleRules, "Lightspeed_Sale__c is ReadWrite");
    }

    [Test]
    public void Check_RulesForUnknownObject_Reports()
    {
        using var copy = PackageCopy.Create().WithSharing(Downtown).Move(SaleRules, "sharingRules/Lightspeed_Till__c.sharingRules-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Till__c", "sharing rules for unknown object");
    }

    [Test]
    public void Check_GroupLabelTooLongAndBadOperation_Reports()
    {
        using var copy = PackageCopy.Create().WithSharing(Downtown)
            .Replace("groups/Lightspeed_Store_S120645_1.group-meta.xml", "<name>Downtown (S120645_1)</name>", $"<name>{new string('x', 41)}</name>")
            .Replace(SaleRules, "<operation>equals</operation>", "<operation>is</operation>");
        var package = copy.Load();
        RuleAssert.Reports(_rule, package, "Lightspeed_Store_S120645_1.group-meta.xml", "1 to 40 characters");
        RuleAssert.Reports(_rule, package, SaleRules, "unknown operation 'is'");
    }
}
