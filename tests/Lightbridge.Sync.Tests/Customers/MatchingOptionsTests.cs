using Lightbridge.Core.Matching;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Sync.Tests.CustomerSync;

[TestFixture]
public sealed class MatchingOptionsTests
{
    [Test]
    public void Defaults_AreValidAndFollowTheDesign()
    {
        var options = new MatchingOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Problems(), Is.Empty);
            Assert.That(options.ToMatchingPolicy().Rules, Is.EqualTo(new[] { MatchingRule.ExternalId, MatchingRule.Email, MatchingRule.Phone }));
            Assert.That(options.ToMatchingPolicy().CreateAs, Is.EqualTo(CustomerObjectType.Contact));
            Assert.That(options.ToFieldPolicies().For("Email"), Is.EqualTo(FieldUpdatePolicy.FillIfBlank));
            Assert.That(options.ToFieldPolicies().For("Lightspeed_Customer_Id__c"), Is.EqualTo(FieldUpdatePolicy.Overwrite));
        });
    }

    [TestCase("Phone,email", new[] { MatchingRule.Phone, MatchingRule.Email })]
    [TestCase(" ExternalId ", new[] { MatchingRule.ExternalId })]
    public void TryParseRules_KnownNames_InTheirOrder(string text, MatchingRule[] expected)
    {
        Assert.That(MatchingOptions.TryParseRules(text, out var rules, out _), Is.True);
        Assert.That(rules, Is.EqualTo(expected));
    }

    [TestCase("Email, Fax", "'Fax' is not a rule")]
    [TestCase("Email, email", "listed twice")]
    [TestCase("1", "'1' is not a rule")]
    public void TryParseRules_BadList_SaysWhy(string text, string problem)
    {
        Assert.That(MatchingOptions.TryParseRules(text, out _, out var reason), Is.False);
        Assert.That(reason, Does.Contain(problem));
    }

    [Test]
    public void Problems_NameEverySetting()
    {
        var options = new MatchingOptions
        {
            Rules = "",
            AccountStrategy = AccountStrategy.DefaultAccount,
            DefaultRegion = "USA",
            FieldPolicies = new() { ["Email"] = (FieldUpdatePolicy)9 },
        };

        var problems = options.Problems();

        Assert.That(problems, Has.Some.StartsWith("Matching:Rules:")
            .And.Some.StartsWith("Matching:DefaultAccountId is required")
            .And.Some.StartsWith("Matching:DefaultRegion:")
            .And.Some.StartsWith("Matching:FieldPolicies:Email:"));
        Assert.That(() => options.Validate(), Throws.ArgumentException.With.Message.Contains("Matching:Rules"));
    }

    [Test]
    public void ToFieldPolicies_ConfiguredPolicyWinsOverTheStamp()
    {
        var options = new MatchingOptions
        {
            DefaultFieldPolicy = FieldUpdatePolicy.Overwrite,
            FieldPolicies = new() { ["Lightspeed_Customer_Id__c"] = FieldUpdatePolicy.Never, ["Phone"] = FieldUpdatePolicy.FillIfBlank },
        };

        var policies = options.ToFieldPolicies();

        Assert.Multiple(() =>
        {
            Assert.That(policies.For("Lightspeed_Customer_Id__c"), Is.EqualTo(FieldUpdatePolicy.Never));
            Assert.That(policies.For("Phone"), Is.EqualTo(FieldUpdatePolicy.FillIfBlank));
            Assert.That(policies.For("FirstName"), Is.EqualTo(FieldUpdatePolicy.Overwrite));
        });
    }

    [Test]
    public void ToAccountPolicy_ParsesTheDefaultAccount()
    {
        var options = new MatchingOptions { AccountStrategy = AccountStrategy.DefaultAccount, DefaultAccountId = "001000000000001" };

        Assert.That(options.Problems(), Is.Empty);
        Assert.That(options.ToAccountPolicy().DefaultAccountId!.Value.Value, Has.Length.EqualTo(18));
    }
}
