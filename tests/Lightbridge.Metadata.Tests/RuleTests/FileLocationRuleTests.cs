using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class FileLocationRuleTests
{
    private readonly FileLocationRule _rule = new();

    [Test]
    public void Check_FieldOutsideFieldsFolder_Reports()
    {
        using var copy = PackageCopy.Create().Move(Paths.SaleTotal, "objects/Lightspeed_Sale__c/Total__c.field-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), "objects/Lightspeed_Sale__c/Total__c.field-meta.xml", "a CustomField must match");
    }

    [Test]
    public void Check_TabInObjectsFolder_Reports()
    {
        using var copy = PackageCopy.Create().Move(Paths.SaleTab, "objects/Lightspeed_Sale__c/Lightspeed_Sale__c.tab-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sale__c.tab-meta.xml", "a CustomTab must match");
    }

    [Test]
    public void Check_UnknownSuffix_Reports()
    {
        using var copy = PackageCopy.Create().Move(Paths.SaleTab, "tabs/Lightspeed_Sale__c.tabs-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sale__c.tabs-meta.xml", "unknown suffix");
    }

    [Test]
    public void Check_RootElementOfAnotherType_Reports()
    {
        using var copy = PackageCopy.Create()
            .Replace(Paths.SaleTotal, "<CustomField ", "<CustomObject ")
            .Replace(Paths.SaleTotal, "</CustomField>", "</CustomObject>");
        RuleAssert.Reports(_rule, copy.Load(), "Total__c.field-meta.xml", "root element <CustomObject>");
    }

    [Test]
    public void Check_FullNameDiffersFromFileName_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleTotal, "<fullName>Total__c</fullName>", "<fullName>Grand_Total__c</fullName>");
        RuleAssert.Reports(_rule, copy.Load(), "Total__c.field-meta.xml", "fullName Grand_Total__c differs");
    }
}
