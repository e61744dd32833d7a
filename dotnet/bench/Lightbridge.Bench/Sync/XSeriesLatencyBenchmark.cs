using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lightbridge.Bench.Salesforce;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Emulators.XSeries;

namespace Lightbridge.Bench.Sync;

/// <summary>
/// Latency of <c>lightbridge run</c> against an X-Series account whose webhooks reach the worker with a share dropped
/// (issue #10): each change (a new sale, a customer edit, a stock level) is timed from the mutation to its record and
/// value in the org, and split by what the emulator's delivery journal says became of its webhook. The poll on the
/// schedule must catch every change whose webhook was lost.
/// </summary>
internal static partial class XSeriesLatencyBenchmark
{
    private const double DropRate = 0.3;
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);

    public static async Task<BenchResult> RunAsync(bool quick)
    {
        var pollSeconds = quick ? 15 : 30;
        var changeCount = quick ? 15 : 90;
        var spacing = TimeSpan.FromSeconds(quick ? 1 : 2);
        var schedule = $"*/{pollSeconds} * * * * *";

        var folder = Path.Combine(Path.GetTempPath(), "lightbridge-bench", "xseries-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // Two outlets of three registers: the real 5-minute window of 300 per register + 50 (1,850 requests).
            await using var xseries = await XSeriesEmulator.StartAsync(new XSeriesEmulatorOptions
            {
                Seed = 41, Outlets = 2, RegistersPerOutlet = 3, Customers = 200, Products = 80, Sales = 300, RateLimit = true, WebhookDropRate = DropRate,
            });
            await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions
            {
                MetadataPath = Path.Combine(SalesforceBulkBenchmark.FindRepoRoot(), "force-app"),
                BulkProcessingTime = TimeSpan.FromMilliseconds(250),
                DailyApiLimit = 100_000,
            });
            var config = await WriteSettingsAsync(folder, xseries, org, schedule);

            // The account as it stands is synced first; the worker then only follows the changes.
            await using (var sync = LightbridgeChild.Start(folder, "sync", "--config", config))
            {
                var exit = await sync.WaitForExitAsync(Generous);
                if (exit is not (0 or 1))
                {
                    var run = sync.Result(exit);
                    throw new InvalidOperationException($"lightbridge sync exited {exit}:\n{run.StandardError}\n{run.StandardOutput}");
                }
            }

            var prefix = xseries.DomainPrefix;
            var plan = ChangePlan.From(xseries, org, prefix, changeCount);
            var loadBefore = LoadAverage.OneMinute();
            var changes = new List<TimedChange>();
            long peakResident;
            XSeriesCounterSnapshot counters;
            await using (var worker = LightbridgeChild.Start(folder, "run", "--config", config))
            {
                var health = await HealthUrlAsync(worker);
                foreach (var type in new[] { "sale.update", "customer.update", "product.update", "inventory.update" })
                {
                    xseries.Control.AddWebhook(type, new Uri(health, "/webhooks/lightspeed"));
                }

                xseries.Control.ResetCounters();
                var start = TimeProvider.System.GetUtcNow();
                using (var tick = new PeriodicTimer(spacing))
                {
                    for (var i = 0; i < changeCount; i++)
                    {
                        changes.Add(plan.Make(i));
                        await tick.WaitForNextTickAsync();
                    }
                }

                // Every change must reach the org; the wait ends when the last one is seen, not on a fixed delay.
                var drain = Stopwatch.StartNew();
                using (var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250)))
                {
                    while (Observe(org, prefix, start, changes) < changes.Count && drain.Elapsed < Generous && await tick.WaitForNextTickAsync())
                    {
                        if (worker.HasExited)
                        {
                            throw new InvalidOperationException("lightbridge run exited during the measurement:\n" + worker.Result(-1).StandardError);
                        }
                    }
                }

                counters = xseries.Control.GetCounters();
                peakResident = worker.Result(-1).PeakResidentBytes;
                await worker.StopAsync(TimeSpan.FromSeconds(60));
            }

            var loadAfter = LoadAverage.OneMinute();
            var journal = xseries.Control.WebhookDeliveries();
            foreach (var change in changes)
            {
                change.Outcome = journal.FirstOrDefault(d => d.Type == change.WebhookType && d.RecordId == change.RecordId && d.Version == change.Version)?.Outcome;
            }

            return Result(changes, counters, pollSeconds, spacing, schedule, peakResident, loadBefore, loadAfter);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A state file still held by a dying child: the temp folder is cleaned by the OS.
            }
        }
    }

    private static BenchResult Result(
        List<TimedChange> changes, XSeriesCounterSnapshot counters, int pollSeconds, TimeSpan spacing, string schedule, long peakResident, double loadBefore, double loadAfter)
    {
        var arrived = changes.Where(c => c.Latency is not null).ToList();
        List<double> Latencies(Func<TimedChange, bool> which) => [.. arrived.Where(which).Select(c => c.Latency!.Value.TotalSeconds).Order()];
        var delivered = Latencies(c => c.Outcome == XSeriesWebhookOutcome.Sent);
        var dropped = Latencies(c => c.Outcome == XSeriesWebhookOutcome.Dropped);
        var all = Latencies(_ => true);
        var figures = new Dictionary<string, double>
        {
            ["changes"] = changes.Count,
            ["changesInSalesforce"] = arrived.Count,
            ["allChangesReachedSalesforce"] = arrived.Count == changes.Count ? 1 : 0,
            ["sales"] = changes.Count(c => c.Kind == ChangeKind.Sale),
            ["customerEdits"] = changes.Count(c => c.Kind == ChangeKind.Customer),
            ["stockLevels"] = changes.Count(c => c.Kind == ChangeKind.Stock),
            ["webhookDelivered"] = changes.Count(c => c.Outcome == XSeriesWebhookOutcome.Sent),
            ["webhookDropped"] = changes.Count(c => c.Outcome == XSeriesWebhookOutcome.Dropped),
            ["webhookFailed"] = changes.Count(c => c.Outcome == XSeriesWebhookOutcome.Failed),
            ["deliveredP50Seconds"] = Percentile(delivered, 0.50),
            ["deliveredP95Seconds"] = Percentile(delivered, 0.95),
            ["deliveredMaxSeconds"] = delivered.Count == 0 ? double.NaN : delivered[^1],
            ["droppedP50Seconds"] = Percentile(dropped, 0.50),
            ["droppedP95Seconds"] = Percentile(dropped, 0.95),
            ["droppedMaxSeconds"] = dropped.Count == 0 ? double.NaN : dropped[^1],
            ["allP50Seconds"] = Percentile(all, 0.50),
            ["allP95Seconds"] = Percentile(all, 0.95),
            ["targetDeliveredP50Seconds"] = 5,
            ["webhooksSentAll"] = counters.WebhooksSent,
            ["webhooksDroppedAll"] = counters.WebhooksDropped,
            ["webhooksFailedAll"] = counters.WebhooksFailed,
            ["xseriesRequests"] = counters.TotalRequests,
            ["xseries429s"] = counters.Throttled,
            ["workerPeakResidentMiB"] = peakResident / 1024.0 / 1024.0,
            ["loadAverageBefore"] = loadBefore,
            ["loadAverageAfter"] = loadAfter,
        };
        foreach (var kind in Enum.GetValues<ChangeKind>())
        {
            var name = kind.ToString().ToLowerInvariant();
            figures[$"{name}DeliveredP50Seconds"] = Percentile(Latencies(c => c.Kind == kind && c.Outcome == XSeriesWebhookOutcome.Sent), 0.50);
            figures[$"{name}DroppedP50Seconds"] = Percentile(Latencies(c => c.Kind == kind && c.Outcome == XSeriesWebhookOutcome.Dropped), 0.50);
        }

        // A split with no changes has no percentile: left out rather than written as NaN (JSON has none).
        foreach (var empty in figures.Where(f => double.IsNaN(f.Value)).Select(f => f.Key).ToList())
        {
            figures.Remove(empty);
        }

        return new BenchResult(
            "xseries-latency",
            new Dictionary<string, object>
            {
                ["command"] = "lightbridge run (Lightspeed:Series = X, Webhooks:Enabled = true, Sync:Schedules:* = " + schedule + ")",
                ["pollSeconds"] = pollSeconds,
                ["webhookDropRate"] = DropRate,
                ["changeSpacingSeconds"] = spacing.TotalSeconds,
                ["changeMix"] = "one in three each: new sale (outlet 1), customer edit, stock level (outlet 2)",
                ["xseriesRateLimit"] = "on: 300 × 6 registers + 50 per 5-minute window",
                ["bulkProcessingTime"] = "250 ms per job",
            },
            figures);
    }

    /// <summary>Marks the changes now visible in the org with their record's write instant; returns how many are in.</summary>
    private static int Observe(SalesforceEmulator org, string prefix, DateTimeOffset since, List<TimedChange> changes)
    {
        var pending = changes.Where(c => c.Latency is null).ToList();
        if (pending.Count == 0)
        {
            return changes.Count;
        }

        var after = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (pending.Any(c => c.Kind == ChangeKind.Sale))
        {
            var created = Rows(org, $"SELECT Lightspeed_Sale_Id__c, CreatedDate FROM Lightspeed_Sale__c WHERE CreatedDate >= {after}")
                .ToDictionary(r => r["Lightspeed_Sale_Id__c"]!.GetValue<string>(), r => Instant(r["CreatedDate"]!), StringComparer.Ordinal);
            foreach (var change in pending.Where(c => c.Kind == ChangeKind.Sale))
            {
                if (created.TryGetValue(prefix + "-" + change.RecordId, out var at))
                {
                    change.Latency = at - change.MadeAt;
                }
            }
        }

        if (pending.Any(c => c.Kind == ChangeKind.Customer))
        {
            // MailingStreet carries the customer's updated_at (see WriteSettingsAsync): the edit is in once it is at
            // least the second of the mutation (the API's timestamps have whole seconds).
            var contacts = Rows(org, $"SELECT Lightspeed_Customer_Id__c, MailingStreet, LastModifiedDate FROM Contact WHERE LastModifiedDate >= {after}")
                .Where(r => r["Lightspeed_Customer_Id__c"] is not null && r["MailingStreet"] is not null)
                .ToDictionary(r => r["Lightspeed_Customer_Id__c"]!.GetValue<string>(), r => r, StringComparer.Ordinal);
            foreach (var change in pending.Where(c => c.Kind == ChangeKind.Customer))
            {
                if (contacts.TryGetValue(prefix + "-" + change.RecordId, out var row)
                    && DateTimeOffset.TryParse(row["MailingStreet"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var updatedAt)
                    && updatedAt >= WholeSecond(change.MadeAt))
                {
                    change.Latency = Instant(row["LastModifiedDate"]!) - change.MadeAt;
                }
            }
        }

        foreach (var change in pending.Where(c => c.Kind == ChangeKind.Stock))
        {
            var rows = Rows(org,
                $"SELECT Quantity_On_Hand__c, LastModifiedDate FROM Lightspeed_Inventory__c WHERE Product__r.Lightspeed_Item_Id__c = '{prefix}-{change.ProductId}' AND Store__r.Lightspeed_Shop_Id__c = '{prefix}-{change.OutletId}'");
            if (rows.Count == 1 && rows[0]["Quantity_On_Hand__c"] is { } quantity
                && decimal.Parse(quantity.ToString(), CultureInfo.InvariantCulture) == change.Level)
            {
                change.Latency = Instant(rows[0]["LastModifiedDate"]!) - change.MadeAt;
            }
        }

        return changes.Count(c => c.Latency is not null);
    }

    private static List<JsonObject> Rows(SalesforceEmulator org, string soql) => [.. org.Control.Query(soql)["records"]!.AsArray().OfType<JsonObject>()];

    private static DateTimeOffset WholeSecond(DateTimeOffset instant) => new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);

    /// <summary>A Salesforce date-time (<c>2026-05-01T18:30:00.000+0000</c>).</summary>
    private static DateTimeOffset Instant(JsonNode value) =>
        DateTimeOffset.ParseExact(value.GetValue<string>(), ["yyyy-MM-dd'T'HH:mm:ss.fffzzzz", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ss.fff+0000"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static async Task<Uri> HealthUrlAsync(LightbridgeChild worker)
    {
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (clock.Elapsed < TimeSpan.FromMinutes(2) && await tick.WaitForNextTickAsync())
        {
            var run = worker.Result(-1);
            if (HealthLine().Match(run.StandardOutput) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }

            if (worker.HasExited)
            {
                throw new InvalidOperationException($"lightbridge run exited at start:\n{run.StandardError}\n{run.StandardOutput}");
            }
        }

        throw new TimeoutException("lightbridge run did not report its health URL within 2 minutes.");
    }

    private static async Task<string> WriteSettingsAsync(string folder, XSeriesEmulator xseries, SalesforceEmulator org, string schedule)
    {
        var path = Path.Combine(folder, "settings.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            Lightspeed = new
            {
                Series = "X", xseries.DomainPrefix, BaseUrl = xseries.BaseUrl.ToString(), TokenUrl = xseries.TokenUrl.ToString(),
                xseries.ClientId, xseries.ClientSecret, RefreshToken = xseries.InitialRefreshToken,
            },
            Salesforce = new
            {
                LoginUrl = org.LoginUrl.ToString(), Auth = "ClientCredentials", org.ClientId, org.ClientSecret,
                BulkPollInitialDelay = "00:00:00.050", BulkPollMaxDelay = "00:00:00.200",
            },

            // A customer edit changes a phone, an email or an address, which the default policy (FillIfBlank) does not
            // write over a value already there; the Contact's MailingStreet carries the customer's updated_at instead,
            // overwritten, so every edit leaves a value in the org to wait for.
            Matching = new { FieldPolicies = new { MailingStreet = "Overwrite" } },
            Mapping = new { Overrides = new { Contact = new { MailingStreet = "customer.updated_at" } } },
            Sync = new { Schedules = new { Shop = schedule, Item = schedule, ItemShop = schedule, Customer = schedule, Sale = schedule } },
            State = new { Path = Path.Combine(folder, "state.db") },
            Health = new { Urls = "http://127.0.0.1:0" },
            Resync = new { Enabled = false },
            Webhooks = new { Enabled = true },
        }));
        return path;
    }

    [GeneratedRegex(@"Serving health and metrics at (http://127\.0\.0\.1:\d+)")]
    private static partial Regex HealthLine();

    private enum ChangeKind
    {
        Sale,
        Customer,
        Stock,
    }

    /// <summary>One change made in the X-Series emulator, and when it reached the org.</summary>
    private sealed class TimedChange(ChangeKind kind, string webhookType, XSeriesChange change, DateTimeOffset madeAt)
    {
        public ChangeKind Kind { get; } = kind;

        public string WebhookType { get; } = webhookType;

        public string RecordId { get; } = change.Id;

        public long Version { get; } = change.Version;

        public DateTimeOffset MadeAt { get; } = madeAt;

        public string? ProductId { get; init; }

        public string? OutletId { get; init; }

        public int Level { get; init; }

        public TimeSpan? Latency { get; set; }

        public XSeriesWebhookOutcome? Outcome { get; set; }
    }

    /// <summary>
    /// Which records the changes touch, chosen so no two changes overlap: sales at the first outlet (walk-ins or customers
    /// of one half), edits of the other half's customers (each once), stock levels at the second outlet (each product
    /// once), so each change's value stays in the org once written. Only records the first sync brought in are used.
    /// </summary>
    private sealed class ChangePlan
    {
        private readonly XSeriesEmulatorControl _control;
        private readonly string _saleOutlet;
        private readonly string _stockOutlet;
        private readonly List<string> _buyers;
        private readonly List<string> _edited;
        private readonly List<string> _products;

        private ChangePlan(XSeriesEmulatorControl control, string saleOutlet, string stockOutlet, List<string> buyers, List<string> edited, List<string> products)
        {
            _control = control;
            _saleOutlet = saleOutlet;
            _stockOutlet = stockOutlet;
            _buyers = buyers;
            _edited = edited;
            _products = products;
        }

        public static ChangePlan From(XSeriesEmulator xseries, SalesforceEmulator org, string prefix, int count)
        {
            var control = xseries.Control;
            var contacts = Rows(org, $"SELECT Lightspeed_Customer_Id__c FROM Contact WHERE Lightspeed_Customer_Id__c LIKE '{prefix}-%'")
                .Select(r => r["Lightspeed_Customer_Id__c"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            var items = Rows(org, $"SELECT Lightspeed_Item_Id__c FROM Product2 WHERE Lightspeed_Item_Id__c LIKE '{prefix}-%'")
                .Select(r => r["Lightspeed_Item_Id__c"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            var customers = control.CustomerIds().Where(id => contacts.Contains(prefix + "-" + id)).ToList();
            var products = control.ProductIds().Where(id => items.Contains(prefix + "-" + id)).ToList();
            var perKind = (count + 2) / 3;
            if (customers.Count < 2 * perKind || products.Count < perKind)
            {
                throw new InvalidOperationException($"The first sync brought {customers.Count} customers and {products.Count} products into the org; {count} changes need {2 * perKind} and {perKind}.");
            }

            var outlets = control.OutletIds();
            return new ChangePlan(control, outlets[0], outlets[1], customers[..perKind], customers[perKind..(2 * perKind)], products);
        }

        public TimedChange Make(int index)
        {
            var n = index / 3;
            var madeAt = TimeProvider.System.GetUtcNow();
            switch (index % 3)
            {
                case 0:
                    // Every other sale is a walk-in.
                    return new TimedChange(ChangeKind.Sale, "sale.update", _control.CreateSale(n % 2 == 0 ? null : _buyers[n], _saleOutlet), madeAt);
                case 1:
                    return new TimedChange(ChangeKind.Customer, "customer.update", _control.UpdateCustomer(_edited[n]), madeAt);
                default:
                    var level = 5000 + n;
                    return new TimedChange(ChangeKind.Stock, "inventory.update", _control.SetInventoryLevel(_products[n], _stockOutlet, level), madeAt)
                    {
                        ProductId = _products[n], OutletId = _stockOutlet, Level = level,
                    };
            }
        }
    }

    private static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
