using System.Text.Json;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;

namespace Lightbridge.EndToEnd.Tests;

/// <summary>
/// The write path through the package: canonical records read from the Lightspeed emulator, normalized and
/// mapped by Core's default mappings, upserted by the Salesforce client into an emulated org whose schema is
/// the repository's <c>force-app/</c>. A field the mapping writes and the package lacks (or types differently,
/// or marks restricted with other values) fails here.
/// </summary>
[TestFixture]
public sealed class PackageWritePathTests
{
    [Test]
    public async Task DefaultMappings_GeneratedAccount_EveryRecordAcceptedByThePackage()
    {
        await using var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions
        {
            Seed = 21, Shops = 2, Customers = 60, Items = 30, Sales = 200, Bucket = BucketMode.Off,
        });
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { MetadataPath = Path.Combine(RepositoryRoot(), "force-app") });
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var reader = new LightspeedClient(http, new LightspeedClientOptions
        {
            BaseUrl = lightspeed.BaseUrl, TokenUrl = lightspeed.TokenUrl, AccountId = lightspeed.AccountId,
            ClientId = lightspeed.ClientId, ClientSecret = lightspeed.ClientSecret,
        }, new InMemoryLightspeedTokenStore(lightspeed.InitialRefreshToken), TimeProvider.System);
        using var writer = new SalesforceClient(http, new SalesforceClientOptions
        {
            LoginUrl = org.LoginUrl, Auth = SalesforceAuthFlow.ClientCredentials, ClientId = org.ClientId, ClientSecret = org.ClientSecret,
        }, TimeProvider.System);
        var account = new AccountContext(new LightspeedId(lightspeed.AccountId), CurrencyCode.Parse("USD"), new Dictionary<LightspeedId, CurrencyCode>(), "US");
        var customers = new CustomerNormalizer(new NoPhones());

        var shops = await reader.GetShopsAsync().Select(s => ShopNormalizer.Normalize(s, account)).ToListAsync();
        var items = await reader.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).Select(i => ItemNormalizer.Normalize(i, account)).ToListAsync();
        var stock = await reader.GetItemShopsAsync().Select(s => ItemShopNormalizer.Normalize(s, account)).Where(s => s is not null).Select(s => s!).ToListAsync();
        var people = await reader.GetCustomersAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).Select(c => customers.Normalize(c, account)).ToListAsync();
        var sales = await reader.GetSalesAsync(new LightspeedQuery().Where("completed", FilterOperator.Equal, "true"))
            .Select(s => SaleNormalizer.Normalize(s, account)).ToListAsync();

        Assert.That((shops.Count, items.Count, people.Count, sales.Count), Is.EqualTo((2, 30, 60, sales.Count)));
        Assert.That(sales.Count(s => s.IsRefund), Is.GreaterThan(0), "refunds, with lines pointing at their original lines, are part of the write");
        Assert.That(sales.Count(s => s.Status == SaleStatus.Voided), Is.GreaterThan(0));

        await UpsertAllAsync(writer, shops.Select(DefaultMappings.Store.Map));
        await UpsertAllAsync(writer, items.Select(DefaultMappings.Product.Map));
        await UpsertAllAsync(writer, stock.Select(DefaultMappings.Inventory.Map));
        await UpsertAllAsync(writer, people.Select(DefaultMappings.Contact.Map));
        await UpsertAllAsync(writer, sales.Select(s => DefaultMappings.Sale.Map(new SaleMappingSource(s, s.CustomerExternalId is null ? null : new CustomerLink(CustomerObjectType.Contact, null)))));
        await UpsertAllAsync(writer, sales.SelectMany(s => s.Lines).Where(l => l.OriginalLineExternalId is null).Select(DefaultMappings.SaleLine.Map));
        await UpsertAllAsync(writer, sales.SelectMany(s => s.Lines).Where(l => l.OriginalLineExternalId is not null).Select(DefaultMappings.SaleLine.Map));
        await UpsertAllAsync(writer, sales.SelectMany(s => s.Payments).Select(DefaultMappings.Payment.Map));

        Assert.That(await CountAsync(writer, "Lightspeed_Store__c"), Is.EqualTo(shops.Count));
        Assert.That(await CountAsync(writer, "Product2"), Is.EqualTo(items.Count));
        Assert.That(await CountAsync(writer, "Contact"), Is.EqualTo(people.Count));
        Assert.That(await CountAsync(writer, "Lightspeed_Sale__c"), Is.EqualTo(sales.Count));
        Assert.That(await CountAsync(writer, "Lightspeed_Sale_Line__c WHERE Original_Line__c != null"), Is.EqualTo(sales.SelectMany(s => s.Lines).Count(l => l.OriginalLineExternalId is not null)));

        // The package's roll-up summaries count what was written under each sale.
        var lineCounts = await writer.QueryAsync("SELECT Lightspeed_Sale_Id__c, Line_Count__c, Paid__c FROM Lightspeed_Sale__c")
            .ToDictionaryAsync(r => r.GetProperty("Lightspeed_Sale_Id__c").GetString()!, r => (Lines: r.GetProperty("Line_Count__c").GetDouble(), Paid: r.GetProperty("Paid__c").GetDecimal()));
        Assert.That(sales.Select(s => lineCounts[s.ExternalId.Value].Lines), Is.EqualTo(sales.Select(s => (double)s.Lines.Count)));
        Assert.That(sales.Select(s => lineCounts[s.ExternalId.Value].Paid), Is.EqualTo(sales.Select(s => s.Payments.Sum(p => p.Amount))));
    }

    private static async Task UpsertAllAsync(SalesforceClient writer, IEnumerable<SalesforceRecord> records)
    {
        var byObject = records.GroupBy(r => (r.ObjectName, r.ExternalIdField));
        foreach (var group in byObject)
        {
            var batch = group.ToList();
            var results = await writer.UpsertCollectionAsync(group.Key.ObjectName, group.Key.ExternalIdField, batch.Select(r => r.ToFields()).ToList());
            var failures = results.Where(r => !r.Success).Select(r => $"{group.Key.ObjectName} {r.ExternalId}: {string.Join("; ", r.Errors.Select(e => $"{e.StatusCode} {e.Message} [{string.Join(",", e.Fields)}]"))}").ToList();
            Assert.That(failures, Is.Empty, $"{group.Key.ObjectName}: the package refused records the default mapping wrote");
        }
    }

    private static async Task<int> CountAsync(SalesforceClient writer, string objectAndFilter)
    {
        var count = 0;
        await foreach (var unused in writer.QueryAsync($"SELECT Id FROM {objectAndFilter}"))
        {
            count++;
        }

        return count;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "sfdx-project.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("sfdx-project.json not found above the test directory.");
    }

    /// <summary>Phones are normalized by the Sync layer's libphonenumber adapter; this test writes without them.</summary>
    private sealed class NoPhones : IPhoneNumberNormalizer
    {
        public PhoneNormalization Normalize(string raw, string defaultRegion) => PhoneNormalization.Invalid("not normalized in this test");
    }
}
