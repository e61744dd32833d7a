using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class WellFormedXmlRuleTests
{
    private readonly WellFormedXmlRule _rule = new();

    [Test]
    public void Check_UnclosedRootElement_ReportsMalformedXml()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleTab, "</CustomTab>", string.Empty);
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sale__c.tab-meta.xml", "malformed XML");
    }

    [Test]
    public void Check_RootOutsideMetadataNamespace_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleTab, " xmlns=\"http://soap.sforce.com/2006/04/metadata\"", string.Empty);
        RuleAssert.Reports(_rule, copy.Load(), "Lightspeed_Sale__c.tab-meta.xml", "namespace");
    }
}
