using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class FieldTypeRuleTests
{
    private readonly FieldTypeRule _rule = new();

    [Test]
    public void Check_UnknownFieldType_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleTotal, "<type>Currency</type>", "<type>Money</type>");
        RuleAssert.Reports(_rule, copy.Load(), "Total__c.field-meta.xml", "field type 'Money' is unknown");
    }

    [Test]
    public void Check_PrecisionOnSummaryField_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SalePaid, "<type>Summary</type>", "<precision>18</precision><type>Summary</type>");
        RuleAssert.Reports(_rule, copy.Load(), "Paid__c.field-meta.xml", "<precision> is not allowed on a Summary field");
    }

    [Test]
    public void Check_TextWithoutLength_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleRegister, "<length>80</length>", string.Empty);
        RuleAssert.Reports(_rule, copy.Load(), "Register__c.field-meta.xml", "a Text field needs <length>");
    }

    [Test]
    public void Check_UnrestrictedPicklist_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleStatus, "<restricted>true</restricted>", "<restricted>false</restricted>");
        RuleAssert.Reports(_rule, copy.Load(), "Status__c.field-meta.xml", "picklists must be restricted");
    }

    [Test]
    public void Check_PicklistWithTwoDefaults_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.SaleStatus, "<default>false</default>", "<default>true</default>");
        RuleAssert.Reports(_rule, copy.Load(), "Status__c.field-meta.xml", "exactly one default value, found 2");
    }

    [Test]
    public void Check_CurrencyFieldOnPlatformEvent_Reports()
    {
        using var copy = PackageCopy.Create()
            .Replace(Paths.EventScope, "<type>Text</type>", "<type>Currency</type>")
            .Replace(Paths.EventScope, "<length>20</length>", "<precision>16</precision><scale>2</scale>");
        RuleAssert.Reports(_rule, copy.Load(), "Scope__c.field-meta.xml", "platform events do not support Currency fields");
    }
}
