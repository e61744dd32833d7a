using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lightbridge.Emulators.XSeries.Tests;

public sealed class WebhookTests
{
    private static void AssertSigned(XSeriesSession s, WebhookReceiver.Delivery d)
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(s.Emulator.ClientSecret), d.Body));
        Assert.That(d.Signature, Is.EqualTo($"signature={expected}, algorithm=HMAC-SHA256"));
    }

    private static JsonElement Payload(WebhookReceiver.Delivery d, string type, XSeriesSession s)
    {
        Assert.That(d.ContentType, Does.StartWith("application/x-www-form-urlencoded"));
        var form = d.Form;
        Assert.That(form["type"], Is.EqualTo(type));
        Assert.That(form["domain_prefix"], Is.EqualTo(s.Emulator.DomainPrefix));
        Assert.That(form["environment"], Is.EqualTo("production"));
        return JsonDocument.Parse(form["payload"]).RootElement.Clone();
    }

    [Test]
    public async Task SaleUpdate_SubscribedThroughTheApi_DeliveredFormEncodedAndSigned()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var s = await XSeriesSession.StartAsync();
        using var subscribe = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["data"] = JsonSerializer.Serialize(new { url = receiver.Url.ToString(), active = true, type = "sale.update" }),
        });
        using var created = await s.Http.PostAsync("/api/webhooks", subscribe);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.That((int)created.StatusCode, Is.EqualTo(200));
        Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("sale.update"));
        var listed = await s.GetAsync("/api/webhooks");
        Assert.That(listed.Json.GetArrayLength(), Is.EqualTo(1));

        var sale = s.Control.VoidSale(s.Control.SaleIds()[3]);
        var delivery = await receiver.NextAsync();
        AssertSigned(s, delivery);
        var payload = Payload(delivery, "sale.update", s);
        Assert.That(payload.GetProperty("id").GetString(), Is.EqualTo(sale.Id));
        Assert.That(payload.GetProperty("status").GetString(), Is.EqualTo("VOIDED"));
        Assert.That(payload.GetProperty("version").GetInt64(), Is.EqualTo(sale.Version));
        Assert.That(payload.GetProperty("updated_at").GetString(), Is.EqualTo("2026-11-01 12:00:00"));
        Assert.That(payload.TryGetProperty("register_sale_products", out _), Is.True);
    }

    [Test]
    public async Task CustomerProductInventoryUpdates_EachDeliveredToItsSubscriber()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var s = await XSeriesSession.StartAsync();
        s.Control.AddWebhook("customer.update", receiver.Url);
        var customer = s.Control.UpdateCustomer(s.Control.CustomerIds()[0]);
        var c = Payload(await receiver.NextAsync(), "customer.update", s);
        Assert.That(c.GetProperty("id").GetString(), Is.EqualTo(customer.Id));

        s.Control.AddWebhook("product.update", receiver.Url);
        var product = s.Control.UpdateProduct(s.Control.ProductIds()[0]);
        var p = Payload(await receiver.NextAsync(), "product.update", s);
        Assert.That(p.GetProperty("id").GetString(), Is.EqualTo(product.Id));
        Assert.That(p.GetProperty("price").ValueKind, Is.EqualTo(JsonValueKind.Number));

        s.Control.AddWebhook("inventory.update", receiver.Url);
        var outlet = s.Control.OutletIds()[0];
        var stock = s.Control.SetInventoryLevel(s.Control.ProductIds()[1], outlet, 7);
        var i = Payload(await receiver.NextAsync(), "inventory.update", s);
        Assert.That(i.GetProperty("id").GetString(), Is.EqualTo(stock.Id));
        Assert.That(i.GetProperty("count").GetInt32(), Is.EqualTo(7));
        Assert.That(i.GetProperty("outlet_id").GetString(), Is.EqualTo(outlet));

        // The receiver sees a delivery before the emulator has read its answer: wait for the outcomes to be counted.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var counters = await s.Control.WaitForWebhookOutcomesAsync(3, timeout.Token);
        Assert.That(counters.WebhooksSent, Is.EqualTo(3));
        Assert.That(receiver.TryTake(out _), Is.False, "no delivery for unsubscribed types");
    }

    [Test]
    public async Task DropRate_SeededShareIsDropped_SameSeedSameDrops_AllOthersArrive()
    {
        async Task<(int Dropped, List<string> Arrived)> RunAsync()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var s = await XSeriesSession.StartAsync(o => { o.Seed = 7; o.WebhookDropRate = 0.4; });
            s.Control.AddWebhook("customer.update", receiver.Url);
            var ids = s.Control.CustomerIds();
            for (var n = 0; n < 30; n++)
            {
                s.Control.UpdateCustomer(ids[n]);
            }

            var dropped = (int)s.Control.GetCounters().WebhooksDropped;
            var arrived = new List<string>();
            for (var n = 0; n < 30 - dropped; n++)
            {
                arrived.Add(Payload(await receiver.NextAsync(), "customer.update", s).GetProperty("id").GetString()!);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var counters = await s.Control.WaitForWebhookOutcomesAsync(30, timeout.Token);
            Assert.That(counters.WebhooksSent, Is.EqualTo(30 - dropped));
            Assert.That(counters.WebhooksFailed, Is.Zero);
            return (dropped, arrived);
        }

        var first = await RunAsync();
        var second = await RunAsync();
        Assert.That(first.Dropped, Is.InRange(5, 20));
        Assert.That(second.Dropped, Is.EqualTo(first.Dropped));
        Assert.That(second.Arrived, Is.EquivalentTo(first.Arrived));
    }

    [Test]
    public async Task FailedDelivery_IsCounted_AndTheMutationDoesNotWait()
    {
        await using var s = await XSeriesSession.StartAsync();
        s.Control.AddWebhook("product.update", new Uri("http://127.0.0.1:1/nothing-listens"));
        var change = s.Control.UpdateProduct(s.Control.ProductIds()[0]);
        Assert.That(change.Version, Is.EqualTo(s.Control.CurrentVersion));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var counters = await s.Control.WaitForWebhookOutcomesAsync(1, timeout.Token);
        Assert.That(counters.WebhooksFailed, Is.EqualTo(1));
        Assert.That(counters.WebhooksSent, Is.Zero);
    }

    [Test]
    public async Task Subscribe_UnknownType_Returns400()
    {
        await using var s = await XSeriesSession.StartAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["url"] = "http://127.0.0.1:9/x", ["type"] = "sale.create" });
        using var response = await s.Http.PostAsync("/api/webhooks", form);
        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("type"));
    }

    [Test]
    public async Task Subscribe_PlainFormFields_ThenDelete_StopsDeliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var s = await XSeriesSession.StartAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["url"] = receiver.Url.ToString(), ["type"] = "product.update", ["active"] = "true" });
        using var created = await s.Http.PostAsync("/api/webhooks", form);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var deleted = await s.Http.DeleteAsync($"/api/webhooks/{id}");
        Assert.That((int)deleted.StatusCode, Is.EqualTo(200));
        Assert.That(s.Control.Webhooks, Is.Empty);
        s.Control.UpdateProduct(s.Control.ProductIds()[0]);
        Assert.That(s.Control.GetCounters().WebhooksDropped, Is.Zero);
        Assert.That((await s.GetAsync("/api/webhooks")).Json.GetArrayLength(), Is.Zero);
        using var again = await s.Http.DeleteAsync($"/api/webhooks/{id}");
        Assert.That((int)again.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task DeliveryJournal_RecordsEachAttempt_WithRecordVersionAndOutcome_ThroughControlAndEndpoint()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var s = await XSeriesSession.StartAsync(o => { o.Seed = 5; o.WebhookDropRate = 0.5; });
        var hook = s.Control.AddWebhook("customer.update", receiver.Url);
        var nowhere = s.Control.AddWebhook("inventory.update", new Uri("http://127.0.0.1:1/nothing-listens"));
        var ids = s.Control.CustomerIds();
        var changes = Enumerable.Range(0, 20).Select(n => s.Control.UpdateCustomer(ids[n])).ToList();
        s.Control.WebhookDropRate = 0;
        var stock = s.Control.SetInventoryLevel(s.Control.ProductIds()[0], s.Control.OutletIds()[0], 11);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var counters = await s.Control.WaitForWebhookOutcomesAsync(21, timeout.Token);
        var journal = s.Control.WebhookDeliveries();

        Assert.That(journal, Has.Count.EqualTo(21));
        var customers = journal.Where(d => d.Type == "customer.update").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(customers.Select(d => (d.RecordId, d.Version)), Is.EquivalentTo(changes.Select(c => (c.Id, c.Version))), "one entry per change, naming its record and version");
            Assert.That(customers.Select(d => d.SubscriptionId), Is.All.EqualTo(hook.Id));
            Assert.That(customers.Count(d => d.Outcome == XSeriesWebhookOutcome.Dropped), Is.EqualTo(counters.WebhooksDropped).And.InRange(4, 16));
            Assert.That(customers.Count(d => d.Outcome == XSeriesWebhookOutcome.Sent), Is.EqualTo(counters.WebhooksSent));
            Assert.That(journal.Select(d => d.QueuedAt), Is.All.EqualTo(XSeriesSession.FakeStart), "stamped by the emulator's clock");
            Assert.That(journal.Select(d => d.FinishedAt), Is.All.EqualTo(XSeriesSession.FakeStart));
        });
        var failed = journal.Single(d => d.Type == "inventory.update");
        Assert.That(failed, Is.EqualTo(new XSeriesWebhookDelivery("inventory.update", stock.Id, stock.Version, nowhere.Id, XSeriesSession.FakeStart, XSeriesSession.FakeStart, XSeriesWebhookOutcome.Failed)));

        // The same journal over HTTP; a counter reset empties it.
        using var control = new HttpClient { BaseAddress = s.Emulator.BaseUrl };
        var listed = System.Text.Json.JsonDocument.Parse(await control.GetStringAsync("/_control/webhooks/deliveries")).RootElement;
        Assert.That(listed.GetArrayLength(), Is.EqualTo(21));
        var last = listed[20];
        Assert.That(last.GetProperty("recordId").GetString(), Is.EqualTo(stock.Id));
        Assert.That(last.GetProperty("version").GetInt64(), Is.EqualTo(stock.Version));
        Assert.That(last.GetProperty("outcome").GetString(), Is.EqualTo("failed"));
        s.Control.ResetCounters();
        Assert.That(s.Control.WebhookDeliveries(), Is.Empty);
    }
}
