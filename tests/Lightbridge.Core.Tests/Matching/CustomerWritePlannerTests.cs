using Lightbridge.Core.Failures;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Matching;

public sealed class CustomerWritePlannerTests
{
    private static readonly SalesforceId ContactId = SalesforceId.Parse("003000000000001");
    private static readonly SalesforceId RetailAccount = SalesforceId.Parse("001000000000001");

    private static CustomerWritePlanner Planner(AccountStrategy strategy = AccountStrategy.DefaultAccount) =>
        new(FieldUpdatePolicies.CustomerDefaults, new AccountPolicy(strategy, RetailAccount));

    [Test]
    public void Plan_MatchedByEmailWithRepValues_StampsExternalIdAndKeepsRepValues()
    {
        var current = new Dictionary<string, object?>
        {
            ["FirstName"] = "Augusta", ["LastName"] = "Lovelace", ["Email"] = "ada@example.com", ["Lightspeed_Customer_Id__c"] = null,
        };

        var write = Planner().Plan(Normalized(Customer()), new Matched(ContactId, CustomerObjectType.Contact, MatchingRule.Email), current);

        Assert.That(write.Kind, Is.EqualTo(CustomerWriteKind.Update));
        Assert.That(write.TargetId, Is.EqualTo(ContactId));
        Assert.That(write.Record!["Lightspeed_Customer_Id__c"], Is.EqualTo("120645-7"));
        Assert.That(write.Record.HasField("FirstName"), Is.False);
        Assert.That(write.Record.HasField("Birthdate"), Is.True);
    }

    [Test]
    public void Plan_MatchedAndNothingToFill_Unchanged()
    {
        var current = new Dictionary<string, object?>
        {
            ["FirstName"] = "Ada", ["LastName"] = "Lovelace", ["Email"] = "ada@example.com", ["Birthdate"] = "1815-12-10",
            ["Lightspeed_Customer_Id__c"] = "120645-7",
        };

        var write = Planner().Plan(Normalized(Customer()), new Matched(ContactId, CustomerObjectType.Contact, MatchingRule.ExternalId), current);

        Assert.That(write.Kind, Is.EqualTo(CustomerWriteKind.Unchanged));
        Assert.That(write.Record, Is.Null);
    }

    [Test]
    public void Plan_MatchedWithoutCurrentValues_Throws()
    {
        Assert.That(
            () => Planner().Plan(Normalized(Customer()), new Matched(ContactId, CustomerObjectType.Contact, MatchingRule.Email)),
            Throws.ArgumentException);
    }

    [Test]
    public void Plan_NoMatchAsContact_CreatesWithDefaultAccount()
    {
        var write = Planner().Plan(Normalized(Customer()), new NoMatch(CustomerObjectType.Contact));

        Assert.That(write.Kind, Is.EqualTo(CustomerWriteKind.Create));
        Assert.That(write.Record!.ObjectName, Is.EqualTo("Contact"));
        Assert.That(write.Record["AccountId"], Is.EqualTo(RetailAccount));
        Assert.That(write.Account, Is.EqualTo(new AccountChoice(RetailAccount, null)));
    }

    [Test]
    public void Plan_NoMatchCompanyStrategy_LeavesCompanyForSyncToResolve()
    {
        var write = Planner(AccountStrategy.CustomerCompany).Plan(Normalized(Customer(company: "Acme")), new NoMatch(CustomerObjectType.Contact));

        Assert.That(write.Account!.CompanyName, Is.EqualTo("Acme"));
        Assert.That(write.Record!.HasField("AccountId"), Is.False);
    }

    [Test]
    public void Plan_NoMatchAsLead_CreatesLeadWithoutAccount()
    {
        var write = Planner().Plan(Normalized(Customer()), new NoMatch(CustomerObjectType.Lead));

        Assert.That(write.Record!.ObjectName, Is.EqualTo("Lead"));
        Assert.That(write.Account, Is.Null);
        Assert.That(write.Record.HasField("AccountId"), Is.False);
    }

    [Test]
    public void Plan_Ambiguous_HeldWithAmbiguousMatchFailure()
    {
        var candidates = new[]
        {
            new IdentityCandidate(ContactId, CustomerObjectType.Contact),
            new IdentityCandidate(SalesforceId.Parse("003000000000002"), CustomerObjectType.Contact),
        };

        var write = Planner().Plan(Normalized(Customer()), new Ambiguous(MatchingRule.Email, candidates));

        Assert.That(write.Kind, Is.EqualTo(CustomerWriteKind.Held));
        Assert.That(write.Record, Is.Null);
        Assert.That(write.Failure!.Rule, Is.EqualTo("AmbiguousMatch"));
        Assert.That(write.Failure.Entity, Is.EqualTo(SyncEntity.Customer));
        Assert.That(write.Failure.Message, Does.Contain("Customer 7").And.Contain(ContactId.Value).And.Not.Contain("ada"));
    }
}
