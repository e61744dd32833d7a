using Lightbridge.Core.Reconciliation;

namespace Lightbridge.Core.Tests.Reconciliation;

[TestFixture]
public sealed class MatchTallyTests
{
    [Test]
    public void AddCustomer_CountsOutcomesRulesAndQueued()
    {
        var tally = new MatchTally();
        tally.AddCustomer(CustomerOutcome.Matched, "Email");
        tally.AddCustomer(CustomerOutcome.Matched, "Email");
        tally.AddCustomer(CustomerOutcome.Matched, "Phone");
        tally.AddCustomer(CustomerOutcome.Ambiguous, "Email");
        tally.AddCustomer(CustomerOutcome.Invalid, null);
        tally.AddCustomer(CustomerOutcome.CreatedAsLead, null);
        tally.AddWrite(create: true);
        tally.AddWrite(create: false);
        tally.AddUnchanged(2);

        Assert.Multiple(() =>
        {
            Assert.That(tally.Customers, Is.EqualTo(6));
            Assert.That(tally.MatchedByRule, Is.EqualTo(new Dictionary<string, int> { ["Email"] = 2, ["Phone"] = 1 }), "only matches count per rule");
            Assert.That(tally.Outcomes[CustomerOutcome.CreatedAsContact], Is.Zero, "every outcome is listed");
            Assert.That(tally.Queued, Is.EqualTo(2));
            Assert.That((tally.Creates, tally.Updates, tally.Unchanged), Is.EqualTo((1, 1, 2)));
        });
    }
}
