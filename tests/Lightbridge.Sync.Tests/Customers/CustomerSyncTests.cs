using System.Text.Json.Nodes;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Sync.Tests.CustomerSync;

/// <summary>
/// The customer pipeline end to end: a seeded Lightspeed account synced into an emulated org (the repository's package)
/// with a real LiteDB file. Expectations come from the Lightspeed API and from the org through SOQL, never from the
/// pipeline's own counts.
/// </summary>
[TestFixture]
public sealed class CustomerSyncTests
{
    [Test]
    public async Task RunAsync_EmptyOrg_OneContactPerShopperAndEveryCustomerLinked()
    {
        await using var harness = await CustomerHarness.StartAsync();

        var result = await harness.SyncCustomersAsync(harness.Engine());

        var customers = await harness.LightspeedCustomersAsync();
        var shoppers = harness.Shoppers(customers);
        var contacts = harness.Query("SELECT Id, Lightspeed_Customer_Id__c FROM Contact");
        var externalIds = customers.Select(harness.ExternalIdOf).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(shoppers.Count(s => s.Count > 1), Is.GreaterThan(0), "the seed holds shoppers entered twice");
            Assert.That(contacts, Has.Count.EqualTo(shoppers.Count), "one Contact per shopper");
            Assert.That(harness.Query("SELECT Id FROM Lead"), Is.Empty);
            Assert.That(contacts.Select(c => c["Lightspeed_Customer_Id__c"]!.GetValue<string>()), Is.All.Matches<string>(externalIds.Contains));
            foreach (var shopper in shoppers)
            {
                var links = shopper.Select(harness.LinkedId).ToList();
                Assert.That(links, Is.All.Not.Null, $"every customer of shopper {shopper[0].Id} is linked");
                Assert.That(links.Distinct().Count(), Is.EqualTo(1), $"the customers of shopper {shopper[0].Id} share one Contact");
            }
        });
    }

    [Test]
    public async Task RunAsync_SecondRunWithoutChanges_WritesNothing()
    {
        await using var harness = await CustomerHarness.StartAsync();
        var engine = harness.Engine();
        var first = await harness.SyncCustomersAsync(engine);
        var upserts = harness.OrgCounter("collections.upsert");
        var composites = harness.OrgCounter("composite");
        var contactsBefore = harness.Query("SELECT Id, SystemModstamp FROM Contact").Select(c => c.ToJsonString()).ToList();

        var second = await harness.SyncCustomersAsync(engine);

        Assert.Multiple(() =>
        {
            Assert.That(first.Created, Is.GreaterThan(0));
            Assert.That(second.Written, Is.Zero);
            Assert.That(second.Failed, Is.Zero);
            Assert.That(harness.OrgCounter("collections.upsert"), Is.EqualTo(upserts), "no upsert reached the org");
            Assert.That(harness.OrgCounter("composite"), Is.EqualTo(composites), "no update reached the org");
            Assert.That(harness.Query("SELECT Id, SystemModstamp FROM Contact").Select(c => c.ToJsonString()), Is.EqualTo(contactsBefore));
        });
    }

    [Test]
    public async Task RunAsync_AfterEmailEdit_UpdatesOnlyThatContact()
    {
        await using var harness = await CustomerHarness.StartAsync();
        var matching = new MatchingOptions { FieldPolicies = new() { ["Email"] = FieldUpdatePolicy.Overwrite } };
        var engine = harness.Engine(matching);
        await harness.SyncCustomersAsync(engine);
        var customers = await harness.LightspeedCustomersAsync();
        var loner = harness.Shoppers(customers).Where(s => s.Count == 1).Select(s => s[0]).ToList();

        // The emulator's edits take turns: a mobile number, then the primary email. Burn the phone edit on a
        // customer whose record the second sync must leave alone (its Contact's MobilePhone is FillIfBlank and set).
        var phoneEdited = loner.First(c => harness.Normalized(c).MobilePhone is not null);
        var emailEdited = loner.First(c => c.Id != phoneEdited.Id && !c.Archived);
        harness.Lightspeed.Control.EditCustomer(int.Parse(phoneEdited.Id.Value));
        harness.Lightspeed.Control.EditCustomer(int.Parse(emailEdited.Id.Value));
        var before = harness.Query("SELECT Id, Email, SystemModstamp, Lightspeed_Customer_Id__c FROM Contact")
            .ToDictionary(c => c["Lightspeed_Customer_Id__c"]!.GetValue<string>(), c => c.ToJsonString());

        var result = await harness.SyncCustomersAsync(engine);

        var edited = (await harness.Reader.GetCustomerAsync(emailEdited.Id))!;
        var after = harness.Query("SELECT Id, Email, SystemModstamp, Lightspeed_Customer_Id__c FROM Contact")
            .ToDictionary(c => c["Lightspeed_Customer_Id__c"]!.GetValue<string>(), c => c);
        var changed = after.Where(a => before[a.Key] != a.Value.ToJsonString()).Select(a => a.Key).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Created, Is.Zero);
            Assert.That(result.Updated, Is.EqualTo(1));
            Assert.That(after, Has.Count.EqualTo(before.Count), "no Contact was created");
            Assert.That(changed, Is.EqualTo(new[] { harness.ExternalIdOf(emailEdited) }));
            Assert.That(after[harness.ExternalIdOf(emailEdited)]["Email"]!.GetValue<string>(), Is.EqualTo(harness.Normalized(edited).PrimaryEmail!.Value));
        });
    }

    [Test]
    public async Task RunAsync_MessyOrg_MatchesExistingRecordsAndHoldsTheAmbiguous()
    {
        await using var harness = await CustomerHarness.StartAsync();
        var customers = await harness.LightspeedCustomersAsync();
        var loners = harness.Shoppers(customers).Where(s => s.Count == 1).Select(s => s[0]).ToList();
        var withEmail = loners.Where(c => harness.Normalized(c).PrimaryEmail is not null).ToList();
        var byEmail = withEmail[0];
        var converted = withEmail[1];
        var ambiguous = withEmail[2];
        var byPhone = loners.First(c => c != byEmail && c != converted && c != ambiguous
            && harness.Normalized(c).Phones.Any(p => p.Number.Value.StartsWith("+1", StringComparison.Ordinal))
            && harness.Normalized(c).PrimaryEmail is not null && harness.Normalized(c).FirstName is not null);
        var phone = harness.Normalized(byPhone).Phones.First(p => p.Number.Value.StartsWith("+1", StringComparison.Ordinal)).Number.Value;

        var emailContact = harness.LoadRecord("Contact", new JsonObject
        {
            ["FirstName"] = "Chosen-by-rep", ["LastName"] = "Entered", ["Email"] = harness.Normalized(byEmail).PrimaryEmail!.Value.ToUpperInvariant(),
        });
        var phoneContact = harness.LoadRecord("Contact", new JsonObject
        {
            ["LastName"] = "Caller", ["Phone"] = $"({phone[2..5]}) {phone[5..8]}-{phone[8..]}",
        });
        var convertedContact = harness.LoadRecord("Contact", new JsonObject { ["LastName"] = "Converted" });
        var convertedLead = harness.LoadRecord("Lead", new JsonObject
        {
            ["LastName"] = "Converted", ["Company"] = "Walk-in", ["Status"] = "Closed - Converted",
            ["Email"] = harness.Normalized(converted).PrimaryEmail!.Value, ["IsConverted"] = true, ["ConvertedContactId"] = convertedContact,
        });
        var twins = new[] { "Twin", "Twain" }.Select(name => harness.LoadRecord("Contact", new JsonObject
        {
            ["LastName"] = name, ["Email"] = harness.Normalized(ambiguous).PrimaryEmail!.Value,
        })).ToList();

        // Email is never written to a matched record here, so the phone-matched Contact keeps its blank Email.
        var matching = new MatchingOptions { FieldPolicies = new() { ["Email"] = FieldUpdatePolicy.Never } };
        var result = await harness.SyncCustomersAsync(harness.Engine(matching));

        var contacts = harness.Query("SELECT Id, FirstName, LastName, Email, Lightspeed_Customer_Id__c FROM Contact").ToDictionary(c => c["Id"]!.GetValue<string>());
        var queued = harness.State.ReplayQueue.Get(harness.Lightspeed.AccountId, "Customer", ambiguous.Id);
        var shoppers = harness.Shoppers(customers);
        Assert.Multiple(() =>
        {
            Assert.That(ExternalIdOn(contacts[emailContact]), Is.EqualTo(harness.ExternalIdOf(byEmail)), "found by email in other case and stamped");
            Assert.That(contacts[emailContact]["FirstName"]!.GetValue<string>(), Is.EqualTo("Chosen-by-rep"), "FillIfBlank never overwrites a rep's value");
            Assert.That(ExternalIdOn(contacts[phoneContact]), Is.EqualTo(harness.ExternalIdOf(byPhone)), "found by phone in other format");
            Assert.That(contacts[phoneContact]["FirstName"]!.GetValue<string>(), Is.EqualTo(harness.Normalized(byPhone).FirstName), "a blank field is filled");
            Assert.That(contacts[phoneContact]["Email"]?.GetValue<string>(), Is.Null, "Never never writes");
            Assert.That(ExternalIdOn(contacts[convertedContact]), Is.EqualTo(harness.ExternalIdOf(converted)), "a converted Lead resolves to its Contact");
            Assert.That(harness.LinkedId(converted), Is.EqualTo(CustomerHarness.Id(convertedContact).Value));
            Assert.That(twins.Select(t => ExternalIdOn(contacts[t])), Is.All.Null, "an ambiguous match writes nothing");
            Assert.That(contacts.Values.Select(ExternalIdOn), Has.No.Member(harness.ExternalIdOf(ambiguous)));
            Assert.That(queued, Is.Not.Null);
            Assert.That(queued!.ErrorCode, Is.EqualTo(Ambiguous.FailureRule));
            Assert.That(queued.Message, Does.Contain(CustomerHarness.Id(twins[0]).Value).And.Contain(CustomerHarness.Id(twins[1]).Value));
            Assert.That(harness.Query($"SELECT Id FROM Lead WHERE Id = '{convertedLead}' AND Lightspeed_Customer_Id__c = null"), Has.Count.EqualTo(1), "the converted Lead is left alone");

            // Every other shopper got one new Contact; the three matched ones and the ambiguous one got none.
            Assert.That(contacts, Has.Count.EqualTo(shoppers.Count - 4 + 5));
            Assert.That(result.Failed, Is.EqualTo(1));
            Assert.That(result.Updated, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task RunAsync_CreateAsLead_CreatesLeadsWithACompany()
    {
        await using var harness = await CustomerHarness.StartAsync(customers: 15);

        var result = await harness.SyncCustomersAsync(harness.Engine(new MatchingOptions { CreateAs = CustomerObjectType.Lead }));

        var shoppers = harness.Shoppers(await harness.LightspeedCustomersAsync());
        var leads = harness.Query("SELECT Id, Company, Lightspeed_Customer_Id__c FROM Lead");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(leads, Has.Count.EqualTo(shoppers.Count));
            Assert.That(leads.Select(l => l["Company"]?.GetValue<string>()), Is.All.Not.Empty);
            Assert.That(harness.Query("SELECT Id FROM Contact"), Is.Empty);
        });
    }

    [Test]
    public async Task RunAsync_CustomerCompanyStrategy_LinksNewContactsToTheirCompanysAccount()
    {
        await using var harness = await CustomerHarness.StartAsync();
        var customers = await harness.LightspeedCustomersAsync();
        var shoppers = harness.Shoppers(customers);
        var withCompany = shoppers.Where(s => s.Count == 1 && harness.Normalized(s[0]).Company is not null).Select(s => s[0]).ToList();
        var existingName = harness.Normalized(withCompany[0]).Company!;
        var existing = harness.LoadRecord("Account", new JsonObject { ["Name"] = existingName });

        var result = await harness.SyncCustomersAsync(harness.Engine(new MatchingOptions { AccountStrategy = AccountStrategy.CustomerCompany }));

        var accounts = harness.Query("SELECT Id, Name FROM Account").ToDictionary(a => a["Id"]!.GetValue<string>(), a => a["Name"]!.GetValue<string>());
        var contacts = harness.Query("SELECT AccountId, Lightspeed_Customer_Id__c FROM Contact")
            .ToDictionary(c => c["Lightspeed_Customer_Id__c"]!.GetValue<string>(), c => c["AccountId"]?.GetValue<string>());
        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.Zero);
            Assert.That(withCompany, Is.Not.Empty);
            Assert.That(contacts[harness.ExternalIdOf(withCompany[0])], Is.EqualTo(CustomerHarness.Id(existing).Value), "an Account of that name is reused");
            Assert.That(accounts.Values.Count(n => n == existingName), Is.EqualTo(1), "and not created again");
            foreach (var customer in withCompany)
            {
                var account = contacts[harness.ExternalIdOf(customer)];
                Assert.That(account is not null && accounts[account] == harness.Normalized(customer).Company, Is.True, $"customer {customer.Id} is linked to its company");
            }

            Assert.That(
                shoppers.Where(s => s.All(c => harness.Normalized(c).Company is null)).Select(s => contacts.GetValueOrDefault(harness.ExternalIdOf(s[0]))),
                Is.All.Null,
                "no company and no default Account: no Account");
        });
    }

    [Test]
    public async Task RunAsync_LeadConvertedAfterItWasWritten_RefreshFollowsItToItsContact()
    {
        await using var harness = await CustomerHarness.StartAsync(customers: 15);
        var engine = harness.Engine(new MatchingOptions { CreateAs = CustomerObjectType.Lead });
        await harness.SyncCustomersAsync(engine);
        var customer = harness.Shoppers(await harness.LightspeedCustomersAsync()).First(s => s.Count == 1 && !s[0].Archived)[0];
        var lead = harness.LinkedId(customer)!;
        var contact = harness.LoadRecord("Contact", new JsonObject { ["LastName"] = "Converted" });
        await harness.Writer.UpdateAsync("Lead", lead, new Dictionary<string, object?> { ["IsConverted"] = true, ["ConvertedContactId"] = contact, ["Status"] = "Closed - Converted" });

        await harness.SyncCustomersAsync(engine);
        var link = new Lightbridge.Sync.Pipelines.CustomerLinks(harness.State).Find(Core.Identity.ExternalId.Parse(harness.ExternalIdOf(customer)));
        harness.Lightspeed.Control.EditCustomer(int.Parse(customer.Id.Value));
        var afterEdit = await harness.SyncCustomersAsync(engine);

        var stamped = harness.Query($"SELECT Id FROM Contact WHERE Lightspeed_Customer_Id__c = '{harness.ExternalIdOf(customer)}'");
        Assert.Multiple(() =>
        {
            Assert.That(link, Is.EqualTo(new Core.Mapping.CustomerLink(CustomerObjectType.Contact, CustomerHarness.Id(contact))), "the sale pipeline's link follows the conversion");
            Assert.That(afterEdit.Created, Is.Zero, "the edited customer is not created again");
            Assert.That(stamped.Select(c => c["Id"]!.GetValue<string>()), Is.EqualTo(new[] { CustomerHarness.Id(contact).Value }), "its Contact is the one updated");
            Assert.That(harness.Query("SELECT Id FROM Contact"), Has.Count.EqualTo(1));
        });
    }

    private static string? ExternalIdOn(JsonObject record) => record["Lightspeed_Customer_Id__c"]?.GetValue<string>();
}
