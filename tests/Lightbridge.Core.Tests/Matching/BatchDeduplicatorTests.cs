using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Matching;

public sealed class BatchDeduplicatorTests
{
    private static readonly MatchingRule[] AllRules = [MatchingRule.ExternalId, MatchingRule.Email, MatchingRule.Phone];

    private static NormalizedCustomer Shopper(string id, string? email = null, string? phone = null, DateTimeOffset? createdAt = null, DateTimeOffset? updatedAt = null) =>
        Normalized(Customer(
            id: id,
            emails: email is null ? [] : [new CustomerEmail(email, EmailUseType.Primary)],
            phones: phone is null ? [] : [new CustomerPhone(phone, PhoneUseType.Mobile)],
            createdAt: createdAt,
            updatedAt: updatedAt));

    [Test]
    public void Collapse_SameEmailInOtherCase_OneGroup()
    {
        var groups = BatchDeduplicator.Collapse([Shopper("1", "ada@example.com"), Shopper("2", "ADA@Example.com ")], AllRules);

        Assert.That(groups, Has.Count.EqualTo(1));
        Assert.That(groups[0].Primary.Id, Is.EqualTo(Id("1")));
        Assert.That(groups[0].Duplicates.Single().Id, Is.EqualTo(Id("2")));
    }

    [Test]
    public void Collapse_SamePhoneInOtherFormat_OneGroup()
    {
        var groups = BatchDeduplicator.Collapse([Shopper("1", phone: "07700 900456"), Shopper("2", phone: "+44 7700 900456")], AllRules);

        Assert.That(groups, Has.Count.EqualTo(1));
    }

    [Test]
    public void Collapse_PhoneRuleOff_PhoneDoesNotJoin()
    {
        var groups = BatchDeduplicator.Collapse(
            [Shopper("1", phone: "07700 900456"), Shopper("2", phone: "07700 900456")], [MatchingRule.ExternalId, MatchingRule.Email]);

        Assert.That(groups, Has.Count.EqualTo(2));
    }

    [Test]
    public void Collapse_ChainOfSharedKeys_OneGroup()
    {
        var groups = BatchDeduplicator.Collapse(
            [Shopper("1", "a@example.com"), Shopper("2", "b@example.com", "07700 900456"), Shopper("3", "a@example.com", "07700 900456"), Shopper("4", "c@example.com")],
            AllRules);

        Assert.That(groups.Select(g => g.Duplicates.Count + 1), Is.EqualTo(new[] { 3, 1 }));
        Assert.That(groups[1].Primary.Id, Is.EqualTo(Id("4")));
    }

    [Test]
    public void Collapse_TwoVersionsOfOneCustomer_NewestKeptOnce()
    {
        var older = Shopper("1", "old@example.com", updatedAt: T0);
        var newer = Shopper("1", "new@example.com", updatedAt: T0.AddMinutes(1));

        var groups = BatchDeduplicator.Collapse([newer, older], AllRules);

        Assert.That(groups.Single().Primary, Is.SameAs(newer));
        Assert.That(groups.Single().Duplicates, Is.Empty);
    }

    [Test]
    public void Collapse_SharedEmail_EarliestCreatedIsPrimary()
    {
        var groups = BatchDeduplicator.Collapse(
            [Shopper("2", "ada@example.com", createdAt: T0.AddDays(1)), Shopper("1", "ada@example.com", createdAt: T0)], AllRules);

        Assert.That(groups.Single().Primary.Id, Is.EqualTo(Id("1")));
    }

    [Test]
    public void Collapse_DistinctCustomers_GroupsInBatchOrder()
    {
        var groups = BatchDeduplicator.Collapse([Shopper("3", "c@example.com"), Shopper("1", "a@example.com")], AllRules);

        Assert.That(groups.Select(g => g.Primary.Id.Value), Is.EqualTo(new[] { "3", "1" }));
    }
}
