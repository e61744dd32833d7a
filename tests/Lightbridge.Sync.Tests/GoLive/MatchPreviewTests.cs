using System.Text.Json.Nodes;
using Lightbridge.Core.Model;
using Lightbridge.Core.Reconciliation;
using Lightbridge.Lightspeed;
using Lightbridge.State;
using Lightbridge.Sync.GoLive;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Customers;
using Lightbridge.Sync.Tests.CustomerSync;
using Lightbridge.Sync.Sources;

namespace Lightbridge.Sync.Tests.GoLive;

/// <summary>
/// The match report against a seeded messy account and org (a Contact found by email, a Lead by phone, a record already
/// stamped with a customer's external id, two Contacts sharing an email, unrelated duplicates): it writes nothing, and a
/// real sync run afterwards does exactly what it predicted, checked against the engine's counts and the org itself.
/// </summary>
[TestFixture]
public sealed class MatchPreviewTests
{
    [Test]
    public async Task RunAsync_MessyOrg_PredictsWhatTheSyncThenDoes()
    {
        await using var harness = await CustomerHarness.StartAsync(customers: 60);
        var seeded = await SeedMessyOrgAsync(harness);
        var lightspeedBefore = harness.Lightspeed.Control.GetCounters();
        var writesBefore = OrgWrites.Count(harness.Org.Control.Counters);
        var customersBefore = (await harness.LightspeedCustomersAsync()).Select(c => c.ToString()).ToList();

        var report = await Previewer(harness, batchSize: 25).RunAsync(harness.Account);

        Assert.Multiple(() =>
        {
            Assert.That(OrgWrites.Count(harness.Org.Control.Counters), Is.EqualTo(writesBefore), "the report writes nothing to Salesforce");
            Assert.That(harness.State.Identities.Count(), Is.Zero, "the operator's identity index is not touched");
            Assert.That(harness.State.Checkpoints.Get(harness.Lightspeed.AccountId, "Customer"), Is.Null, "no checkpoint");
            Assert.That(harness.Lightspeed.Control.GetCounters().TotalThrottled, Is.EqualTo(lightspeedBefore.TotalThrottled));
        });
        Assert.That((await harness.LightspeedCustomersAsync()).Select(c => c.ToString()), Is.EqualTo(customersBefore), "Lightspeed is only read");

        var contactsBefore = harness.Query("SELECT Id FROM Contact").Count;
        var leadsBefore = harness.Query("SELECT Id FROM Lead").Count;
        var result = await harness.SyncCustomersAsync(harness.Engine(options: new SyncOptions { BatchSize = 25, BulkThreshold = 25 }));
        var tally = report.Tally;
        var queued = harness.State.ReplayQueue.List("Customer", pendingOnly: true);

        Assert.Multiple(() =>
        {
            Assert.That(tally.Customers, Is.EqualTo(result.Read), "one row per customer read");
            Assert.That(tally.Creates, Is.EqualTo(result.Created), "creates");
            Assert.That(tally.Updates, Is.EqualTo(result.Updated), "updates");
            Assert.That(tally.Unchanged, Is.EqualTo(result.Skipped), "unchanged");
            Assert.That(tally.Queued, Is.EqualTo(result.Failed), "queued");
            Assert.That(harness.Query("SELECT Id FROM Contact").Count - contactsBefore, Is.EqualTo(tally.Creates), "every create is a Contact");
            Assert.That(harness.Query("SELECT Id FROM Lead").Count, Is.EqualTo(leadsBefore), "Contacts are the configured create object");
            Assert.That(queued.Count(q => q.ErrorCode == "AmbiguousMatch"), Is.EqualTo(tally.Outcomes[CustomerOutcome.Ambiguous]));
            Assert.That(tally.Outcomes[CustomerOutcome.Ambiguous], Is.GreaterThan(0), "the seeded twins make a customer ambiguous");
            Assert.That(tally.MatchedByRule.Keys, Is.SupersetOf(new[] { "ExternalId", "Email", "Phone" }), "every rule matches someone");
        });

        foreach (var row in report.Rows)
        {
            var linked = harness.State.SyncedRecords.Get("Contact", row.ExternalId) ?? harness.State.SyncedRecords.Get("Lead", row.ExternalId);
            switch (row.Outcome)
            {
                case CustomerOutcome.Matched when !row.TargetId!.StartsWith("new", StringComparison.Ordinal):
                    Assert.That(linked, Is.EqualTo(row.TargetId), $"customer {row.LightspeedId} is linked to the record the report named");
                    break;
                case CustomerOutcome.CreatedAsContact:
                    Assert.That(linked, Is.Not.Null.And.Not.AnyOf(seeded.ToArray()), $"customer {row.LightspeedId} got a new record");
                    break;
                case CustomerOutcome.Ambiguous:
                    Assert.That(linked, Is.Null, $"ambiguous customer {row.LightspeedId} is not linked");
                    Assert.That(row.Candidates, Has.Count.GreaterThan(1));
                    break;
            }
        }

        Assert.That(report.Clusters.Where(c => c.KeyKind == "Email").SelectMany(c => c.Records).Select(r => r.Id), Is.SupersetOf(seeded.Take(2)), "the twins form a cluster");
    }

    [Test]
    public async Task WriteCsvAndMarkdown_MasksEmailsAndPhones_AndListsEveryCustomer()
    {
        await using var harness = await CustomerHarness.StartAsync(customers: 30);
        await SeedMessyOrgAsync(harness);
        var report = await Previewer(harness, batchSize: 10_000).RunAsync(harness.Account);
        var customers = await harness.LightspeedCustomersAsync();

        using var csv = new StringWriter();
        MatchReportWriter.WriteCsv(report, csv);
        using var markdown = new StringWriter();
        MatchReportWriter.WriteMarkdown(report, markdown);

        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var emails = customers.Select(harness.Normalized).SelectMany(n => n.Emails).Select(e => e.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines[0].TrimEnd('\r'), Is.EqualTo(string.Join(',', MatchReportWriter.CsvColumns)));
            Assert.That(lines, Has.Length.EqualTo(customers.Count + 1), "a header and one row per customer");
            Assert.That(emails, Is.Not.Empty);
            foreach (var email in emails)
            {
                Assert.That(csv.ToString(), Does.Not.Contain(email), "emails are masked");
                Assert.That(markdown.ToString(), Does.Not.Contain(email), "emails are masked");
            }

            foreach (var phone in customers.Select(harness.Normalized).SelectMany(n => n.Phones).Select(p => p.Number.Value))
            {
                Assert.That(csv.ToString(), Does.Not.Contain(phone), "phones are masked");
            }

            Assert.That(markdown.ToString(), Does.Contain("| Ambiguous |").And.Contain("Salesforce duplicates to merge"));
        });
    }

    private static MatchPreviewer Previewer(CustomerHarness harness, int batchSize) =>
        new(new RSeriesReader(harness.Reader), harness.Writer, new MappingCompiler().Compile(new MappingOptions()), new SyncOptions { BatchSize = batchSize, BulkThreshold = Math.Min(batchSize, 2_000) }, new MatchingOptions(), TimeProvider.System);

    /// <summary>Seeds the org; returns the ids of the two Contacts sharing an email first, then the other seeded records.</summary>
    private static async Task<List<string>> SeedMessyOrgAsync(CustomerHarness harness)
    {
        var customers = await harness.LightspeedCustomersAsync();
        var loners = harness.Shoppers(customers).Where(s => s.Count == 1).Select(s => s[0]).Where(c => !c.Archived).ToList();
        var withEmail = loners.Where(c => harness.Normalized(c).PrimaryEmail is not null).ToList();
        var ambiguous = withEmail[0];
        var byEmail = withEmail[1];
        var byExternalId = withEmail[2];
        var byPhone = loners.First(c => !withEmail.Take(3).Contains(c) && harness.Normalized(c).Phones.Any(p => p.Number.Value.StartsWith("+1", StringComparison.Ordinal)));
        var phone = harness.Normalized(byPhone).Phones.First(p => p.Number.Value.StartsWith("+1", StringComparison.Ordinal)).Number.Value;

        var ids = new List<string>();
        ids.AddRange(new[] { "Twin", "Twain" }.Select(name => harness.LoadRecord("Contact", new JsonObject
        {
            ["LastName"] = name, ["Email"] = harness.Normalized(ambiguous).PrimaryEmail!.Value,
        })));
        ids.Add(harness.LoadRecord("Contact", new JsonObject { ["LastName"] = "Entered", ["Email"] = harness.Normalized(byEmail).PrimaryEmail!.Value.ToUpperInvariant() }));
        ids.Add(harness.LoadRecord("Contact", new JsonObject { ["LastName"] = "Stamped", ["Lightspeed_Customer_Id__c"] = harness.ExternalIdOf(byExternalId) }));
        ids.Add(harness.LoadRecord("Lead", new JsonObject { ["LastName"] = "Caller", ["Company"] = "Walk-in", ["Phone"] = $"({phone[2..5]}) {phone[5..8]}-{phone[8..]}" }));

        // Unrelated duplicates a rep made: two Leads with one phone nobody in Lightspeed has.
        ids.AddRange(new[] { "Dup", "Dupe" }.Select(name => harness.LoadRecord("Lead", new JsonObject { ["LastName"] = name, ["Company"] = "Acme", ["Phone"] = "+1 650 253 0000" })));
        return ids;
    }
}
