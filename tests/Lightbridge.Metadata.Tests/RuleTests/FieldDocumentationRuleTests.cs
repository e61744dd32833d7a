using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class FieldDocumentationRuleTests
{
    private readonly FieldDocumentationRule _rule = new();

    [Test]
    public void Check_FieldWithoutHelpText_Reports()
    {
        using var copy = PackageCopy.Create()
            .Replace(Paths.SaleTotal, "<inlineHelpText>Amount the customer paid, negative for refunds.</inlineHelpText>", string.Empty);
        RuleAssert.Reports(_rule, copy.Load(), "Total__c.field-meta.xml", "lacks <inlineHelpText>");
    }

    [Test]
    public void Check_FieldWithEmptyDescription_Reports()
    {
        using var copy = PackageCopy.Create();
        var path = copy.PathOf(Paths.SaleRegister);
        var text = File.ReadAllText(path);
        var start = text.IndexOf("<description>", StringComparison.Ordinal);
        var end = text.IndexOf("</description>", StringComparison.Ordinal);
        copy.Replace(Paths.SaleRegister, text[start..end], "<description> ");
        RuleAssert.Reports(_rule, copy.Load(), "Register__c.field-meta.xml", "lacks <description>");
    }
}
