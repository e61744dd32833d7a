using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class ValidationFormulaReferenceRuleTests
{
    private readonly ValidationFormulaReferenceRule _rule = new();

    [Test]
    public void Check_FormulaNamesMissingField_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.QuantityRule, "ISBLANK(Quantity__c)", "ISBLANK(Qty__c)");
        RuleAssert.Reports(_rule, copy.Load(), "Quantity_Required", "formula names Qty__c");
    }

    [Test]
    public void Check_ErrorDisplayFieldMissing_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.QuantityRule, "<errorDisplayField>Quantity__c</errorDisplayField>", "<errorDisplayField>Units__c</errorDisplayField>");
        RuleAssert.Reports(_rule, copy.Load(), "Quantity_Required", "formula names Units__c");
    }

    [Test]
    public void Check_RelationshipPathToMissingField_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.QuantityRule, "ISBLANK(Quantity__c)", "AND(ISBLANK(Quantity__c), Sale__r.Grand_Total__c > 0)");
        RuleAssert.Reports(_rule, copy.Load(), "Quantity_Required", "Sale__r.Grand_Total__c");
    }

    [Test]
    public void In_FormulaWithFunctionsStringsAndPaths_ReturnsOnlyFieldNames()
    {
        var names = FormulaFields.In("AND(NOT(ISBLANK(Finished_At__c)), ISPICKVAL(Status__c, 'Open Item'), Sale__r.Total__c > 0, TRUE)");
        Assert.That(names, Is.EqualTo(new[] { "Finished_At__c", "Status__c", "Sale__r.Total__c" }));
    }
}
