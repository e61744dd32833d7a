using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Matching;

public sealed class CustomerMatcherTests
{
    // 15-character ids with their key prefixes: 003 Contact, 00Q Lead.
    private const string ContactA = "003000000000001";
    private const string ContactB = "003000000000002";
    private const string LeadA = "00Q000000000001";
    private const string LeadB = "00Q000000000002";

    private FakeIdentityLookup _index = null!;

    [SetUp]
    public void SetUp() => _index = new FakeIdentityLookup();

    private MatchOutcome Match(Customer customer, MatchingPolicy? policy = null) =>
        new CustomerMatcher(_index, policy ?? MatchingPolicy.Default).Match(Normalized(customer));

    private static Customer WithPhone(string raw) =>
        Customer(emails: [], phones: [new CustomerPhone(raw, PhoneUseType.Mobile)]);

    [Test]
    public void Match_ExternalIdOnContact_MatchedByExternalId()
    {
        _index.Add(ContactA, CustomerObjectType.Contact, externalId: "120645-7");

        Assert.That(Match(Customer()), Is.EqualTo(new Matched(SalesforceId.Parse(ContactA), CustomerObjectType.Contact, MatchingRule.ExternalId)));
    }

    [Test]
    public void Match_ContactEmailInOtherCase_MatchedByEmail()
    {
        _index.Add(ContactA, CustomerObjectType.Contact, email: "ada@example.com");

        var outcome = Match(Customer(emails: [new CustomerEmail(" ADA@Example.com", EmailUseType.Primary)]));

        Assert.That(outcome, Is.EqualTo(new Matched(SalesforceId.Parse(ContactA), CustomerObjectType.Contact, MatchingRule.Email)));
    }

    [Test]
    public void Match_ContactPhoneInOtherFormat_MatchedByPhone()
    {
        _index.Add(ContactA, CustomerObjectType.Contact, phone: "+447700900456");

        Assert.That(Match(WithPhone("07700 900 456")), Is.EqualTo(new Matched(SalesforceId.Parse(ContactA), CustomerObjectType.Contact, MatchingRule.Phone)));
    }

    [Test]
    public void Match_ContactAndLeadShareEmail_ContactWins()
    {
        _index.Add(LeadA, CustomerObjectType.Lead, email: "ada@example.com");
        _index.Add(ContactA, CustomerObjectType.Contact, email: "ada@example.com");

        Assert.That(Match(Customer()), Is.EqualTo(new Matched(SalesforceId.Parse(ContactA), CustomerObjectType.Contact, MatchingRule.Email)));
    }

    [Test]
    public void Match_OnlyLead_MatchedLead()
    {
        _index.Add(LeadA, CustomerObjectType.Lead, email: "ada@example.com");

        Assert.That(Match(Customer()), Is.EqualTo(new Matched(SalesforceId.Parse(LeadA), CustomerObjectType.Lead, MatchingRule.Email)));
    }

    [Test]
    public void Match_TwoContactsShareEmail_ReturnsAmbiguous()
    {
        _index.Add(ContactA, CustomerObjectType.Contact, email: "ada@example.com");
        _index.Add(ContactB, CustomerObjectType.Contact, email: "ada@example.com");

        var outcome = (Ambiguous)Match(Customer());

        Assert.That(outcome.Rule, Is.EqualTo(MatchingRule.Email));
        Assert.That(outcome.Candidates.Select(c => c.Id.To15()), Is.EquivalentTo(new[] { ContactA, ContactB }));
        Assert.That(outcome.ToString(), Does.Contain(SalesforceId.Parse(ContactA).Value).And.Not.Contain("ada"));
    }

    [Test]
    public void Match_TwoLeadsNoContact_ReturnsAmbiguous()
    {
        _index.Add(LeadA, CustomerObjectType.Lead, email: "ada@example.com");
        _index.Add(LeadB, CustomerObjectType.Lead, email: "ada@example.com");

        Assert.That(Match(Customer()), Is.TypeOf<Ambiguous>());
    }

    [Test]
    public void Match_EmailsOfCustomerHitDifferentContacts_ReturnsAmbiguous()
    {
        _index.Add(ContactA, CustomerObjectType.Contact, email: "ada@example.com");
        _index.Add(ContactB, CustomerObjectType.Contact, email: "ada@work.example");
        var customer = Customer(emails: [new CustomerEmail("ada@example.com", EmailUseType.Primary), new CustomerEmail("ada@work.example", EmailUseType.Secondary)]);

        Assert.That(Match(customer), Is.TypeOf<Ambiguous>());
    }

    [Test]
    public void Match_ConvertedLead_ResolvesToItsContact()
    {
        _index.Add(LeadA, CustomerObjectType.Lead, email: "ada@example.com", isConverted: true, convertedContactId: ContactB);

        Assert.That(Match(Customer()), Is.EqualTo(new Matched(SalesforceId.Parse(ContactB), CustomerObjectType.Contact, MatchingRule.Email)));
    }

    [Test]
    public void Match_ConvertedLeadAndItsContactBothHit_OneMatchNotAmbiguous()
    {
        _index.Add(LeadA, CustomerObjectType.Lead, email: "ada@example.com", isConverted: true, convertedContactId: ContactA);
        _index.Add(ContactA, CustomerObjectType.Contact, email: "ada@example.com");

        Assert.That(Match(Customer()), Is.EqualTo(new Matched(SalesforceId.Parse(ContactA), CustomerObjectType.Contact, MatchingRule.Email)));
    }

    [Test]
    public void Match_ConvertedLeadWithoutContact_Ignored()
    {
        _index.Add(LeadA, CustomerObjectType.Lead, email: "ada@example.com", isConverted: true);

        Assert.That(Match(Customer()), Is.EqualTo(new NoMatch(CustomerObjectType.Contact)));
    }

    [Test]
    public void Match_NothingFound_NoMatchCreatesConfiguredObject()
    {
        var policy = MatchingPolicy.Default with { CreateAs = CustomerObjectType.Lead };

        Assert.That(Match(Customer(), policy), Is.EqualTo(new NoMatch(CustomerObjectType.Lead)));
        Assert.That(_index.Calls, Is.EqualTo(new[] { "FindByExternalId", "FindByEmail" }));
    }

    [Test]
    public void Match_EarlierRuleMatches_LaterRulesNotConsulted()
    {
        _index.Add(ContactA, CustomerObjectType.Contact, externalId: "120645-7");
        _index.Add(ContactB, CustomerObjectType.Contact, email: "ada@example.com");

        Assert.That(((Matched)Match(Customer())).Rule, Is.EqualTo(MatchingRule.ExternalId));
        Assert.That(_index.Calls, Is.EqualTo(new[] { "FindByExternalId" }));
    }

    [Test]
    public void Match_ConfiguredOrder_TriesRulesInThatOrder()
    {
        _index.Add(ContactA, CustomerObjectType.Contact, email: "ada@example.com");
        _index.Add(ContactB, CustomerObjectType.Contact, phone: "+447700900456");
        var customer = Customer(phones: [new CustomerPhone("07700900456", PhoneUseType.Mobile)]);
        var phoneFirst = new MatchingPolicy([MatchingRule.Phone, MatchingRule.Email], CustomerObjectType.Contact);

        Assert.That(Match(customer, phoneFirst), Is.EqualTo(new Matched(SalesforceId.Parse(ContactB), CustomerObjectType.Contact, MatchingRule.Phone)));
    }

    [Test]
    public void Constructor_DuplicateOrNoRules_Throws()
    {
        Assert.That(() => new CustomerMatcher(_index, new MatchingPolicy([], CustomerObjectType.Contact)), Throws.ArgumentException);
        Assert.That(() => new CustomerMatcher(_index, new MatchingPolicy([MatchingRule.Email, MatchingRule.Email], CustomerObjectType.Contact)), Throws.ArgumentException);
    }
}
