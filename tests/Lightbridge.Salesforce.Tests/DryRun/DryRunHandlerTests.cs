using Lightbridge.Salesforce.DryRun;
using Lightbridge.Salesforce.Tests.EndToEnd;

namespace Lightbridge.Salesforce.Tests.DryRun;

/// <summary>The dry run's write seam: reads reach the org, writes never do, whichever resource carries them.</summary>
[TestFixture]
public sealed class DryRunHandlerTests
{
    [Test]
    public async Task QueryManyAsync_UnderADryRun_ReadsTheOrgThroughComposite()
    {
        var ledger = new DryRunLedger();
        await using var org = await EmulatedOrg.StartAsync(handler: new DryRunHandler(new SocketsHttpHandler { AllowAutoRedirect = false }, ledger));
        org.LoadStores(3);
        var client = org.Client();
        string[] soqls =
        [
            "SELECT Lightspeed_Shop_Id__c FROM Lightspeed_Store__c WHERE Lightspeed_Shop_Id__c = 'S-0'",
            "SELECT Lightspeed_Shop_Id__c FROM Lightspeed_Store__c WHERE Lightspeed_Shop_Id__c = 'S-2'",
        ];

        var rows = await client.QueryManyAsync(soqls).Select(r => (r.Query, r.Record.GetProperty("Lightspeed_Shop_Id__c").GetString())).ToListAsync();

        Assert.That(rows, Is.EqualTo(new[] { (0, "S-0"), (1, "S-2") }), "the org's own records, not a made-up answer");
        Assert.That(org.Control.Counters.GetValueOrDefault("composite"), Is.EqualTo(1));
        Assert.That(ledger.Total, Is.Zero);
    }

    [Test]
    public async Task CompositeAsync_WithAWriteUnderADryRun_NeverReachesTheOrg()
    {
        var ledger = new DryRunLedger();
        await using var org = await EmulatedOrg.StartAsync(handler: new DryRunHandler(new SocketsHttpHandler { AllowAutoRedirect = false }, ledger));
        var client = org.Client();
        CompositeSubrequest[] subrequests =
        [
            new(HttpMethod.Get, "query?q=" + Uri.EscapeDataString("SELECT Id FROM Lightspeed_Store__c"), "read"),
            new(HttpMethod.Patch, "sobjects/Lightspeed_Store__c/Lightspeed_Shop_Id__c/DRY-1", "write") { Body = new Dictionary<string, object?> { ["Name"] = "Dry" } },
        ];

        var response = await client.CompositeAsync(subrequests, allOrNone: false);

        Assert.That(response["write"].IsSuccess, Is.True);
        Assert.That(org.Control.Counters.GetValueOrDefault("composite"), Is.Zero, "a call with a write is answered by the dry run");
        Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.Zero);
        Assert.That(ledger.Total, Is.EqualTo(1));
    }
}
