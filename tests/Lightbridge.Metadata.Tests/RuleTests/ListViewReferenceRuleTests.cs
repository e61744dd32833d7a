using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests.RuleTests;

public sealed class ListViewReferenceRuleTests
{
    private readonly ListViewReferenceRule _rule = new();

    [Test]
    public void Check_ColumnThatDoesNotExist_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.TodaysSales, "<columns>Ticket_Number__c</columns>", "<columns>Receipt_Number__c</columns>");
        RuleAssert.Reports(_rule, copy.Load(), "Todays_Sales", "Receipt_Number__c");
    }

    [Test]
    public void Check_FilterOnMissingField_Reports()
    {
        using var copy = PackageCopy.Create().Delete(Paths.SaleFields + "Sale_Time__c.field-meta.xml");
        RuleAssert.Reports(_rule, copy.Load(), "Todays_Sales", "Sale_Time__c");
    }

    [Test]
    public void Check_FilterOnUnknownPicklistValue_Reports()
    {
        using var copy = PackageCopy.Create().Replace(Paths.OpenErrors, "<value>Open</value>", "<value>Pending</value>");
        RuleAssert.Reports(_rule, copy.Load(), "Open_Errors", "'Pending' is not a value of Lightspeed_Sync_Error__c.Status__c");
    }
}
