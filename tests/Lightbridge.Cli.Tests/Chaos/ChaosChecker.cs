using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.State;

namespace Lightbridge.Cli.Tests.Chaos;

/// <summary>
/// The checker of a chaos round. It shares no code with the sync: it reads Lightspeed through
/// <see cref="LightspeedReader"/> (raw HTTP), reads the org through the emulator's control query, and states the
/// expected value of a handful of fields per object from the data model in DESIGN.md (external ids
/// <c>{account}-{id}</c>, totals, quantities, status, links). Records whose pending replay-queue item names invalid
/// data are excused; any other pending item counts as stuck.
/// </summary>
internal static class ChaosChecker
{
    /// <summary>Failure codes that mean the record itself is invalid, so the queue is where it belongs.</summary>
    private static readonly HashSet<string> InvalidDataCodes = new(StringComparer.Ordinal)
    {
        "SaleNeedsShop", "SaleNeedsTime", "SaleNotCompleted", "LineNeedsQuantity", "ChildBelongsToSale", "MoneyParses",
        "AmountOutOfRange", "FieldTooLong", "CustomerNeedsIdentity", "ItemNeedsName", "ShopNeedsName", "AmbiguousMatch",
        "RecordUnreadable", "NormalizationFailed", "STRING_TOO_LONG", "INVALID_EMAIL_ADDRESS",
        "FIELD_CUSTOM_VALIDATION_EXCEPTION", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "NUMBER_OUTSIDE_VALID_RANGE",
        "REQUIRED_FIELD_MISSING",
    };

    private const int MaxFindings = 40;

    /// <summary>Whether a replay-queue failure code means the record's data is invalid (not a fault that passes).</summary>
    public static bool IsInvalidData(string errorCode) => InvalidDataCodes.Contains(errorCode);

    /// <summary>Compares the org with Lightspeed and the pending replay queue.</summary>
    /// <param name="lightspeed">Reads the account as it is now.</param>
    /// <param name="accountId">The account's id, the prefix of every external id.</param>
    /// <param name="org">The emulated org.</param>
    /// <param name="pending">The replay queue's pending items.</param>
    /// <param name="folds">
    /// The customer groups of the earlier rounds, to which this round's snapshot is added (a shopper folded with another
    /// stays folded); null to group this snapshot alone.
    /// </param>
    public static async Task<CheckResult> CheckAsync(
        LightspeedReader lightspeed, string accountId, SalesforceEmulator org, IReadOnlyList<ReplayItem> pending, CustomerGroups? folds = null)
    {
        var tally = new Tally();
        var excused = new HashSet<(string Entity, string Id)>();
        foreach (var item in pending)
        {
            if (InvalidDataCodes.Contains(item.ErrorCode))
            {
                excused.Add((item.Entity, item.LightspeedId.Value.ToString(CultureInfo.InvariantCulture)));
                tally.QueuedInvalid++;
            }
            else
            {
                tally.StuckInQueue++;
                tally.Note($"stuck in queue: {item.Entity} {item.LightspeedId.Value} {item.ErrorCode}: {item.Message}");
            }
        }

        string Ext(string? id) => $"{accountId}-{id}";
        bool IsExcused(string entity, string? id) => id is not null && excused.Contains((entity, id));

        var shops = await lightspeed.ReadAllAsync("Shop", "archived=true");
        Compare(tally, org, "Lightspeed_Store__c", "Lightspeed_Shop_Id__c", shops.Select(s => new Expected(
            Ext(Text(s, "shopID")), IsExcused("Shop", Text(s, "shopID")),
            new() { ["Name"] = Trimmed(Text(s, "name")) })));

        var items = await lightspeed.ReadAllAsync("Item", "archived=true");
        Compare(tally, org, "Product2", "Lightspeed_Item_Id__c", items.Select(i => new Expected(
            Ext(Text(i, "itemID")), IsExcused("Item", Text(i, "itemID")),
            new() { ["Name"] = Trimmed(Text(i, "description")), ["IsActive"] = Text(i, "archived") != "true" })));

        var itemShops = (await lightspeed.ReadAllAsync("ItemShop", "archived=false")).Where(r => Text(r, "shopID") != "0");
        Compare(tally, org, "Lightspeed_Inventory__c", "Lightspeed_Item_Shop_Id__c", itemShops.Select(r => new Expected(
            Ext(Text(r, "itemShopID")), IsExcused("ItemShop", Text(r, "itemShopID")),
            new()
            {
                ["Quantity_On_Hand__c"] = Quantity(Text(r, "qoh")),
                ["Product__r.Lightspeed_Item_Id__c"] = Ext(Text(r, "itemID")),
                ["Store__r.Lightspeed_Shop_Id__c"] = Ext(Text(r, "shopID")),
            })));

        var customers = await lightspeed.ReadAllAsync("Customer", "archived=true&load_relations=%5B%22Contact%22%5D");
        var groups = folds ?? new CustomerGroups();
        groups.Add(customers, c => Ext(Text(c, "customerID")));
        CompareCustomers(tally, org, customers, groups, c => Ext(Text(c, "customerID")), c => IsExcused("Customer", Text(c, "customerID")));

        var sales = (await lightspeed.ReadAllAsync("Sale", "load_relations=%5B%22SaleLines%22%2C%22SalePayments%22%5D"))
            .Where(s => Text(s, "completed") == "true").ToList();
        Compare(tally, org, "Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", sales.Select(s => new Expected(
            Ext(Text(s, "saleID")), IsExcused("Sale", Text(s, "saleID")),
            new()
            {
                ["Status__c"] = Text(s, "voided") == "true" ? "Voided" : "Completed",
                ["Total__c"] = Money(Text(s, "total") ?? Text(s, "calcTotal")),
                ["Is_Refund__c"] = IsRefund(s),
                ["Store__r.Lightspeed_Shop_Id__c"] = Ext(Text(s, "shopID")),
            })));
        CompareSaleCustomers(tally, org, sales, groups, Ext, s => IsExcused("Sale", Text(s, "saleID")));

        Compare(tally, org, "Lightspeed_Sale_Line__c", "Lightspeed_Sale_Line_Id__c", sales.SelectMany(s =>
            LightspeedReader.Many(LightspeedReader.Child(LightspeedReader.Child(s, "SaleLines"), "SaleLine")).Select(l => new Expected(
                Ext(Text(l, "saleLineID")), IsExcused("Sale", Text(s, "saleID")),
                new()
                {
                    ["Quantity__c"] = Quantity(Text(l, "unitQuantity")),
                    ["Line_Total__c"] = Money(Text(l, "calcTotal")),
                    ["Sale__r.Lightspeed_Sale_Id__c"] = Ext(Text(s, "saleID")),
                    ["Product__r.Lightspeed_Item_Id__c"] = Text(l, "itemID") is null or "0" ? null : Ext(Text(l, "itemID")),
                }))));

        Compare(tally, org, "Lightspeed_Payment__c", "Lightspeed_Payment_Id__c", sales.SelectMany(s =>
            LightspeedReader.Many(LightspeedReader.Child(LightspeedReader.Child(s, "SalePayments"), "SalePayment")).Select(p => new Expected(
                Ext(Text(p, "salePaymentID")), IsExcused("Sale", Text(s, "saleID")),
                new()
                {
                    ["Amount__c"] = Money(Text(p, "amount")),
                    ["Sale__r.Lightspeed_Sale_Id__c"] = Ext(Text(s, "saleID")),
                }))));

        return tally.Result();
    }

    private static void Compare(Tally tally, SalesforceEmulator org, string sObject, string key, IEnumerable<Expected> expected)
    {
        var wanted = expected.ToList();
        var fields = wanted.SelectMany(e => e.Fields.Keys).Distinct(StringComparer.Ordinal).ToList();
        var rows = Rows(org, sObject, key, fields);
        foreach (var record in wanted)
        {
            tally.Compared++;
            if (!rows.TryGetValue(record.ExternalId, out var found))
            {
                if (!record.Excused)
                {
                    tally.Lost++;
                    tally.Note($"lost: {sObject} {record.ExternalId}");
                }

                continue;
            }

            CompareFields(tally, sObject, record.ExternalId, record.Fields, found[0]);
        }

        var known = wanted.Select(w => w.ExternalId).ToHashSet(StringComparer.Ordinal);
        foreach (var (externalId, found) in rows)
        {
            if (found.Count > 1)
            {
                tally.Duplicated += found.Count - 1;
                tally.Note($"duplicated: {sObject} {externalId} x{found.Count}");
            }

            if (!known.Contains(externalId))
            {
                tally.Unexpected++;
                tally.Note($"unexpected: {sObject} {externalId}");
            }
        }
    }

    /// <summary>
    /// Customers: matching by email or phone may fold several Lightspeed customers into one Contact or Lead (by design),
    /// so a customer counts as present when its own external id or one of its group's is on a record.
    /// </summary>
    private static void CompareCustomers(Tally tally, SalesforceEmulator org, IReadOnlyList<JsonElement> customers, CustomerGroups groups, Func<JsonElement, string> ext, Func<JsonElement, bool> excused)
    {
        var records = CustomerRecords(org);
        foreach (var customer in customers)
        {
            tally.Compared++;
            var id = ext(customer);
            if (records.TryGetValue(id, out var found))
            {
                var lastName = Trimmed(Text(customer, "lastName")) ?? "Unknown";
                CompareFields(tally, found[0].SObject, id, new() { ["LastName"] = lastName }, found[0].Row);
                continue;
            }

            if (!groups.Members(id).Any(records.ContainsKey) && !excused(customer))
            {
                tally.Lost++;
                tally.Note($"lost: customer {id} (neither it nor a customer sharing its email or phone is in the org)");
            }
        }

        var known = customers.Select(ext).ToHashSet(StringComparer.Ordinal);
        foreach (var (externalId, found) in records)
        {
            if (found.Count > 1)
            {
                tally.Duplicated += found.Count - 1;
                tally.Note($"duplicated: customer {externalId} on {string.Join(", ", found.Select(f => f.SObject))}");
            }

            if (!known.Contains(externalId))
            {
                tally.Unexpected++;
                tally.Note($"unexpected: customer {externalId}");
            }
        }
    }

    /// <summary>A sale's customer link must point at its customer's record (or its group's); a walk-in has none.</summary>
    private static void CompareSaleCustomers(Tally tally, SalesforceEmulator org, IReadOnlyList<JsonElement> sales, CustomerGroups groups, Func<string?, string> ext, Func<JsonElement, bool> excused)
    {
        var rows = Rows(org, "Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", ["Contact__r.Lightspeed_Customer_Id__c", "Lead__r.Lightspeed_Customer_Id__c"]);
        foreach (var sale in sales)
        {
            if (excused(sale) || !rows.TryGetValue(ext(Text(sale, "saleID")), out var found))
            {
                continue;
            }

            var linked = Value(found[0], "Contact__r.Lightspeed_Customer_Id__c") as string ?? Value(found[0], "Lead__r.Lightspeed_Customer_Id__c") as string;
            var customerId = Text(sale, "customerID");
            var ok = customerId is null or "0" ? linked is null : linked is not null && groups.Members(ext(customerId)).Contains(linked);
            if (!ok)
            {
                tally.FieldsDifferent++;
                tally.Note($"field: Lightspeed_Sale__c {ext(Text(sale, "saleID"))} customer link is {linked ?? "empty"}, Lightspeed says customer {customerId}");
            }
        }
    }

    private static void CompareFields(Tally tally, string sObject, string externalId, Dictionary<string, object?> fields, JsonObject row)
    {
        foreach (var (field, want) in fields)
        {
            var have = Value(row, field);
            if (!Same(want, have))
            {
                tally.FieldsDifferent++;
                tally.Note($"field: {sObject} {externalId} {field} is {Show(have)}, Lightspeed says {Show(want)}");
            }
        }
    }

    private static Dictionary<string, List<JsonObject>> Rows(SalesforceEmulator org, string sObject, string key, IReadOnlyList<string> fields)
    {
        var soql = $"SELECT {string.Join(", ", new[] { key }.Concat(fields))} FROM {sObject}";
        var rows = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var row in org.Control.Query(soql)["records"]!.AsArray())
        {
            if (row is JsonObject record && record[key]?.GetValue<string>() is { } externalId)
            {
                rows.TryAdd(externalId, []);
                rows[externalId].Add(record);
            }
        }

        return rows;
    }

    private static Dictionary<string, List<(string SObject, JsonObject Row)>> CustomerRecords(SalesforceEmulator org)
    {
        var records = new Dictionary<string, List<(string, JsonObject)>>(StringComparer.Ordinal);
        foreach (var sObject in new[] { "Contact", "Lead" })
        {
            foreach (var (externalId, rows) in Rows(org, sObject, "Lightspeed_Customer_Id__c", ["LastName"]))
            {
                records.TryAdd(externalId, []);
                records[externalId].AddRange(rows.Select(r => (sObject, r)));
            }
        }

        return records;
    }

    /// <summary>The value at a dotted path (<c>Sale__r.Lightspeed_Sale_Id__c</c>) as string, decimal, bool or null.</summary>
    private static object? Value(JsonObject row, string path)
    {
        JsonNode? node = row;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node is not JsonValue value ? null : value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => (decimal)value.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }

    private static bool Same(object? want, object? have) => (want, have) switch
    {
        (null, null) => true,
        (decimal w, decimal h) => Math.Abs(w - h) < 0.00005m,
        _ => Equals(want, have),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static bool IsRefund(JsonElement sale)
    {
        var lines = LightspeedReader.Many(LightspeedReader.Child(LightspeedReader.Child(sale, "SaleLines"), "SaleLine")).ToList();
        return lines.Count > 0
            ? lines.Any(l => Parse(Text(l, "unitQuantity")) < 0)
            : Parse(Text(sale, "total") ?? Text(sale, "calcTotal")) < 0;
    }

    private static decimal? Money(string? text) => Parse(text) is { } d ? Math.Round(d, 2, MidpointRounding.AwayFromZero) : null;

    private static decimal? Quantity(string? text) => Parse(text) is { } d ? Math.Round(d, 4, MidpointRounding.AwayFromZero) : null;

    private static decimal? Parse(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(JsonElement row, string name) => LightspeedReader.Text(row, name);

    /// <summary>One Lightspeed record and what its fields must be in the org.</summary>
    private sealed record Expected(string ExternalId, bool Excused, Dictionary<string, object?> Fields);

    private sealed class Tally
    {
        private readonly List<string> _findings = [];

        public int Compared { get; set; }

        public int Lost { get; set; }

        public int Duplicated { get; set; }

        public int FieldsDifferent { get; set; }

        public int Unexpected { get; set; }

        public int StuckInQueue { get; set; }

        public int QueuedInvalid { get; set; }

        public void Note(string finding)
        {
            if (_findings.Count < MaxFindings)
            {
                _findings.Add(finding);
            }
        }

        public CheckResult Result() => new(Compared, Lost, Duplicated, FieldsDifferent, Unexpected, StuckInQueue, QueuedInvalid, _findings);
    }
}
