using System.Globalization;
using System.Text;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Sync.Tests.Pipelines;
using Lightbridge.Sync.Tests.Sales;

namespace Lightbridge.Sync.Tests.Fuzz;

/// <summary>
/// Malformed and adversarial Lightspeed payloads, sent over the wire by the emulator inside otherwise good pages: wrong
/// types, numbers out of range, odd dates, missing keys, unexpected relation shapes, huge strings, control characters,
/// invalid UTF-8, nesting. The sync must not crash or hang; each bad sale is queued with a reason naming it, or written
/// with its value intact where the value is merely unusual; every good sale of the same pages is written.
/// </summary>
[TestFixture]
public sealed class LightspeedPayloadFuzzTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>What a tampered sale must end as.</summary>
    public enum Expect
    {
        /// <summary>In the replay queue with the code given.</summary>
        Queued,

        /// <summary>In the org, its value as sent where the test can compare it.</summary>
        Written,
    }

    /// <summary>One tampering: the field, the raw JSON fragment sent for it, whether on the first line, and the outcome.</summary>
    public sealed record Tamper(string Name, string Field, byte[] Fragment, bool OnLine, Expect Expect, string? Code = null);

    private static byte[] Json(string fragment) => Encoding.UTF8.GetBytes(fragment);

    private static IEnumerable<Tamper> Cases()
    {
        yield return new("amount as an object", "calcTotal", Json("""{"amount":"1"}"""), false, Expect.Queued, "MoneyParses");
        yield return new("amount out of decimal range", "calcSubtotal", Json("1e400"), false, Expect.Queued, "MoneyParses");
        yield return new("amount NaN", "calcTax1", Json("\"NaN\""), false, Expect.Queued, "MoneyParses");
        yield return new("quantity as a boolean", "unitQuantity", Json("true"), true, Expect.Queued, "MoneyParses");
        yield return new("id as an object", "saleID", Json("""{"id":"5"}"""), false, Expect.Queued, "RecordUnreadable");
        yield return new("shop missing", "shopID", [], false, Expect.Queued, "SaleNeedsShop");
        yield return new("ticket of 100,000 characters", "ticketNumber", Json("\"" + new string('9', 100_000) + "\""), false, Expect.Queued, "FieldTooLong");
        yield return new("ticket with control characters", "ticketNumber", Json("\"T\\u0000\\u0007\\u001b[31m-1\""), false, Expect.Written);
        yield return new("ticket like a spreadsheet formula", "ticketNumber", Json("\"=cmd|' /C calc'!A0\""), false, Expect.Written);
        yield return new("ticket with SOQL quotes", "ticketNumber", Json("\"O'Brien' OR Name != '\""), false, Expect.Written);
        yield return new("ticket with invalid UTF-8", "ticketNumber", [(byte)'"', (byte)'T', 0xFF, 0xFE, (byte)'1', (byte)'"'], false, Expect.Written);
        yield return new("unknown extra key", "favouriteColour", Json("""{"deep":[1,2,{"x":null}]}"""), false, Expect.Written);
        yield return new("nested arrays where a number belongs", "calcDiscount", Json(new string('[', 30) + new string(']', 30)), false, Expect.Queued, "MoneyParses");
    }

    [TestCase(false, TestName = "RunEntityAsync_PagesWithTamperedSales_QueuesOrWritesEachAndWritesEveryGoodSale(Collections)")]
    [TestCase(true, TestName = "RunEntityAsync_PagesWithTamperedSales_QueuesOrWritesEachAndWritesEveryGoodSale(Bulk CSV)")]
    public async Task RunEntityAsync_PagesWithTamperedSales_QueuesOrWritesEachAndWritesEveryGoodSale(bool bulk)
    {
        var cases = Cases().ToList();
        await using var harness = await SaleSyncHarness.StartAsync(seed: 9, sales: 80);
        await harness.LinkCustomersAsync(_ => true);
        var all = await harness.LightspeedSalesAsync();
        // Sales no refund points at: a refund of a queued sale's line is rightly refused too, which is not what this tests.
        var refunded = all.SelectMany(s => s.Lines).Select(l => l.ParentLineId).OfType<LightspeedId>().ToHashSet();
        var targets = all.Where(s => s.Status == SaleStatus.Completed && s.Lines.Count > 0 && s.ShopId is not null && !s.IsRefund && !s.Lines.Any(l => refunded.Contains(l.Id)))
            .Take(cases.Count).ToList();
        Assert.That(targets, Has.Count.EqualTo(cases.Count), "the seed holds enough sales to tamper with");
        for (var i = 0; i < cases.Count; i++)
        {
            var sale = Int(targets[i].Id);
            harness.Lightspeed.Control.SetRawSaleJson(sale, cases[i].Field, cases[i].Fragment, cases[i].OnLine ? Int(targets[i].Lines[0].Id) : null);
        }

        var engine = harness.Engine(bulk ? new Lightbridge.Sync.Pipelines.SyncOptions { BulkThreshold = 1 } : null);
        await engine.RunWithoutCustomersAsync(harness.Account).WaitAsync(Limit);

        var account = harness.Account.AccountId.Value;
        var inOrg = harness.Query("SELECT Lightspeed_Sale_Id__c, Ticket_Number__c FROM Lightspeed_Sale__c")
            .ToDictionary(r => r["Lightspeed_Sale_Id__c"]!.ToString(), r => r["Ticket_Number__c"]?.ToString());
        var queue = harness.State.ReplayQueue.List(nameof(SyncEntity.Sale), pendingOnly: true);
        var tampered = targets.Select(t => t.Id).ToHashSet();
        Assert.Multiple(() =>
        {
            foreach (var good in all.Where(s => !tampered.Contains(s.Id)))
            {
                Assert.That(inOrg.ContainsKey($"{account}-{good.Id.Value}"), Is.True, $"good sale {good.Id} of the same pages was written");
            }

            for (var i = 0; i < cases.Count; i++)
            {
                var (tamper, sale) = (cases[i], targets[i]);
                var key = $"{account}-{sale.Id.Value}";
                if (tamper.Expect == Expect.Written)
                {
                    Assert.That(inOrg.ContainsKey(key), Is.True, $"{tamper.Name}: sale {sale.Id} written");
                    Assert.That(queue.Where(q => q.LightspeedId == sale.Id).Select(q => q.ErrorCode + ": " + q.Message), Is.Empty, $"{tamper.Name}: not queued");
                    continue;
                }

                var item = queue.SingleOrDefault(q => q.LightspeedId == sale.Id) ?? queue.SingleOrDefault(q => q.ErrorCode == tamper.Code && tamper.Code == "RecordUnreadable");
                Assert.That(item, Is.Not.Null, $"{tamper.Name}: sale {sale.Id} queued");
                Assert.That(item?.ErrorCode, Is.EqualTo(tamper.Code), $"{tamper.Name}: the reason");
                Assert.That(inOrg.ContainsKey(key), Is.False, $"{tamper.Name}: nothing wrong was loaded");
            }

            Assert.That(inOrg[$"{account}-{targets[8].Id.Value}"], Is.EqualTo("=cmd|' /C calc'!A0"), "a formula-like value is stored as text, unchanged");
            Assert.That(inOrg[$"{account}-{targets[9].Id.Value}"], Is.EqualTo("O'Brien' OR Name != '"), "quotes are data, not SOQL");
            Assert.That(inOrg[$"{account}-{targets[10].Id.Value}"], Is.EqualTo("T\uFFFD\uFFFD1"), "invalid UTF-8 arrives as replacement characters");
        });
    }

    private static int Int(LightspeedId id) => int.Parse(id.Value, CultureInfo.InvariantCulture);
}
