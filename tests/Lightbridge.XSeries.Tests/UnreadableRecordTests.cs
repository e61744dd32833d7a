using System.Text.Json;
using Lightbridge.Lightspeed;
using Lightbridge.XSeries.Tests.Support;
using static Lightbridge.XSeries.Tests.Support.XSeriesHarness;

namespace Lightbridge.XSeries.Tests;

/// <summary>A record that cannot be read is reported and skipped; its page and the walk go on.</summary>
public sealed class UnreadableRecordTests
{
    private static readonly Func<ScriptedRequest, ScriptedResponse> Script = request => (request.Path, request.Param("after")) switch
    {
        ("/api/2.0/outlets", null) => Page("""{"id":"o-1","name":"Main","time_zone":"UTC","version":1}""", max: 1),
        ("/api/2.0/customers", null) => Page("""
            {"id":"c-1","first_name":"Ok","version":10},
            {"id":{"oops":true},"first_name":"Bad id","version":11},
            {"id":"c-3","first_name":"Bad version","email":"private@example.com","version":"eleven"},
            {"id":"c-4","first_name":"Ok too","version":12}
            """, max: 12),
        ("/api/2.0/customers", "12") => Page("""{"id":"c-5","version":13}""", max: 13),
        ("/api/2.0/sales", null) => Page("""
            {"id":"s-1","status":"CLOSED","line_items":"not a list","version":20},
            {"id":"s-2","status":"CLOSED","line_items":[{"product_id":"p-1","quantity":1}],"version":21},
            {"id":"s-3","status":"CLOSED","line_items":[],"version":22}
            """, max: 22),
        _ => EndPage(),
    };

    [Test]
    public async Task GetCustomersAsync_UnreadableRecords_AreReportedAndThePageAndTheWalkGoOn()
    {
        await using var harness = await StartAsync(Script);
        var reports = new List<UnreadableRecord>();
        harness.Client.UnreadableRecordHandler = reports.Add;

        var customers = await ToListAsync(harness.Client.GetCustomersAsync(null));

        Assert.That(customers.Select(c => c.Id.Value), Is.EqualTo(new[] { "c-1", "c-4", "c-5" }));
        Assert.That(reports.Select(r => (r.Entity, r.Id)), Is.EquivalentTo(new[] { ("customer", (string?)null), ("customer", "c-3") }));
        Assert.That(reports.Single(r => r.Id == "c-3").Problem, Does.Contain("version"));
        Assert.That(reports.Single(r => r.Id == "c-3").RawJson, Does.Contain("Bad version"), "the record is kept for the replay queue");
        Assert.That(harness.Logger.Events.Count(e => e.Id.Name == "XSeriesRecordUnreadable"), Is.EqualTo(2));
        Assert.That(harness.Logger.AllText, Does.Not.Contain("private@example.com"));
    }

    [Test]
    public async Task GetSalesAsync_SaleWithAnUnreadableLine_IsReportedWholeAndTheOthersCome()
    {
        await using var harness = await StartAsync(Script);
        var reports = new List<UnreadableRecord>();
        harness.Client.UnreadableRecordHandler = reports.Add;

        var sales = await ToListAsync(harness.Client.GetSalesAsync(null));

        Assert.That(sales.Select(s => s.Id.Value), Is.EqualTo(new[] { "s-3" }));
        Assert.That(reports.Select(r => r.Id), Is.EqualTo(new[] { "s-1", "s-2" }));
        Assert.That(reports[0].Problem, Does.Contain("line_items").And.Contain("not a list"));
        Assert.That(reports[1].Problem, Does.Contain("line_items[0]").And.Contain("no id"));
    }

    [Test]
    public async Task GetCustomersAsync_WithoutAHandler_FailsOnTheFirstUnreadableRecord()
    {
        await using var harness = await StartAsync(Script);

        Assert.ThrowsAsync<JsonException>(async () => await ToListAsync(harness.Client.GetCustomersAsync(null)));
    }
}
