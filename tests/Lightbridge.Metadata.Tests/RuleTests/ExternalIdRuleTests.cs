using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class ExternalIdRuleTests
{
    private readonly ExternalIdRule _rule = new();

    [Test]
    public void Check_ExternalIdNotUnique_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleExternalId, "<unique>true</unique>", "<unique>false</unique>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sale_Id__c.field-meta.xml", "external ID is not unique");
    }

    [Test]
    public void Check_ExternalIdCaseSensitive_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleExternalId, "<caseSensitive>false</caseSensitive>", "<caseSensitive>true</caseSensitive>");
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sale_Id__c.field-meta.xml", "case-insensitive");
    }
}
