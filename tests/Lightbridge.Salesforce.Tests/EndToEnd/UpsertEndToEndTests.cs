using System.Net;
using System.Text.Json.Nodes;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>Single-record upsert by external ID against the emulator: 201, 200, 300 and 404 (reference §2.3).</summary>
[TestFixture]
public sealed class UpsertEndToEndTests
{
    [Test]
    public async Task UpsertAsync_NewThenExistingKey_CreatedThenUpdatedSameId()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();

        var created = await client.UpsertAsync("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", "U-1", Fields(("Name", "First")));
        var updated = await client.UpsertAsync("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", "U-1", Fields(("Name", "Second")));

        var names = org.Control.Query("SELECT Name FROM Lightspeed_Store__c")["records"]!.AsArray().Select(r => (string?)r!["Name"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(created.Outcome, Is.EqualTo(UpsertOutcome.Created));
            Assert.That(updated.Outcome, Is.EqualTo(UpsertOutcome.Updated));
            Assert.That(created.Id, Has.Length.EqualTo(18));
            Assert.That(updated.Id, Is.EqualTo(created.Id));
            Assert.That(names, Is.EqualTo(new[] { "Second" }));
        });
    }

    [Test]
    public async Task UpsertAsync_KeyMatchingTwoRecords_MultipleMatchesWithBothUrls()
    {
        // Every external ID of the package is unique, so two records cannot share a key there; a copy of the
        // package with one non-unique external ID field makes the org's 300 answer reachable (reference §2.3).
        var package = NonUniqueExternalIdPackage();
        try
        {
            await using var org = await EmulatedOrg.StartAsync(metadataPath: package);
            var ids = org.Control.LoadRecords("Lightspeed_Store__c", [
                new JsonObject { ["Name"] = "A", ["Legacy_Code__c"] = "DUP" },
                new JsonObject { ["Name"] = "B", ["Legacy_Code__c"] = "DUP" },
            ]);
            var client = org.Client();

            var result = await client.UpsertAsync("Lightspeed_Store__c", "Legacy_Code__c", "DUP", Fields(("Name", "C")));

            Assert.Multiple(() =>
            {
                Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.MultipleMatches));
                Assert.That(result.Success, Is.False);
                Assert.That(result.MatchingRecordUrls, Has.Count.EqualTo(2));
                Assert.That(ids.All(id => result.MatchingRecordUrls.Any(u => u.EndsWith(id, StringComparison.Ordinal))), Is.True);
                Assert.That(org.Control.Query("SELECT Id FROM Lightspeed_Store__c WHERE Name = 'C'")["totalSize"]!.GetValue<int>(), Is.Zero);
            });
        }
        finally
        {
            Directory.Delete(package, recursive: true);
        }
    }

    [Test]
    public async Task UpsertAsync_FieldThatIsNotAnExternalId_NotFound()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();

        var result = await client.UpsertAsync("Lightspeed_Store__c", "Time_Zone__c", "x", Fields(("Name", "N")));

        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.NotFound));
        Assert.That(result.Errors, Is.Not.Empty);
    }

    [Test]
    public async Task UpsertAsync_ParentByExternalId_LinksTheParent()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var storeIds = org.LoadStores(1);
        var client = org.Client();

        var result = await client.UpsertAsync("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", "SALE-1", Fields(("Store__r", new ExternalIdReference("Lightspeed_Shop_Id__c", "S-0"))));

        var store = org.Control.Query("SELECT Store__c FROM Lightspeed_Sale__c")["records"]![0]!["Store__c"]!.GetValue<string>();
        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.Created));
        Assert.That(store, Is.EqualTo(storeIds[0]));
    }

    [Test]
    public async Task UpsertAsync_ParentExternalIdNotFound_FailedWithForeignKeyError()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();

        var result = await client.UpsertAsync("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", "SALE-1", Fields(("Store__r", new ExternalIdReference("Lightspeed_Shop_Id__c", "NOPE"))));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.Failed));
            Assert.That(result.Errors.Select(e => e.StatusCode), Is.EqualTo(new[] { "INVALID_FIELD" }));
            Assert.That(result.Errors[0].Message, Does.Contain("Foreign key external ID: NOPE not found"));
        });
    }

    [Test]
    public async Task UpsertAsync_UnknownField_ThrowsNothingAndReportsInvalidField()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();

        var result = await client.UpsertAsync("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", "U-1", Fields(("No_Such_Field__c", "x")));

        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.Failed));
        Assert.That(result.Errors.Select(e => e.StatusCode), Does.Contain("INVALID_FIELD"));
    }

    [Test]
    public async Task UpsertAsync_TypedValues_ReadBackThroughQueryInTheWireFormats()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        var saleTime = new DateTimeOffset(2026, 3, 14, 15, 9, 26, 535, TimeSpan.FromHours(-5));

        await client.UpsertAsync("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", "TV-1", Fields(("Sale_Time__c", saleTime), ("Total__c", 19.999m), ("Is_Refund__c", true)));
        var record = await client.QueryAsync("SELECT Sale_Time__c, Total__c, Is_Refund__c FROM Lightspeed_Sale__c").SingleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("Sale_Time__c").GetString(), Does.EndWith(".535+0000"));
            Assert.That(DateTimeOffset.Parse(record.GetProperty("Sale_Time__c").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(saleTime));
            Assert.That(record.GetProperty("Total__c").GetDecimal(), Is.EqualTo(20.00m), "currency rounded half away from zero to scale 2");
            Assert.That(record.GetProperty("Is_Refund__c").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task GetAsync_CreatedRecord_ReadsItBackAndNullOnceDeleted()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        var id = await client.CreateAsync("Lightspeed_Store__c", Fields(("Name", "Made"), ("Lightspeed_Shop_Id__c", "G-1")));

        var read = await client.GetAsync("Lightspeed_Store__c", id, ["Name"]);
        await client.UpdateAsync("Lightspeed_Store__c", id, Fields(("Name", "Changed")));
        var changed = await client.GetAsync("Lightspeed_Store__c", id, ["Name"]);
        await client.DeleteAsync("Lightspeed_Store__c", id);
        var gone = await client.GetAsync("Lightspeed_Store__c", id);

        Assert.Multiple(() =>
        {
            Assert.That(read!.Value.GetProperty("Name").GetString(), Is.EqualTo("Made"));
            Assert.That(changed!.Value.GetProperty("Name").GetString(), Is.EqualTo("Changed"));
            Assert.That(gone, Is.Null);
        });
    }

    [Test]
    public async Task CreateAsync_RequiredFieldMissing_ThrowsWithTheCode()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();

        var ex = Assert.ThrowsAsync<SalesforceApiException>(() => client.CreateAsync("Contact", Fields(("FirstName", "Ann"))));

        Assert.That(ex!.ErrorCode, Is.EqualTo("REQUIRED_FIELD_MISSING"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    internal static Dictionary<string, object?> Fields(params (string Name, object? Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value);

    /// <summary>A copy of <c>force-app/</c> in a temporary folder with <c>Lightspeed_Store__c.Legacy_Code__c</c>, an external ID that is not unique.</summary>
    private static string NonUniqueExternalIdPackage()
    {
        var source = Path.Combine(EmulatedOrg.RepositoryRoot(), "force-app");
        var target = Path.Combine(Path.GetTempPath(), $"lightbridge-e2e-package-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        File.WriteAllText(Path.Combine(target, "main", "default", "objects", "Lightspeed_Store__c", "fields", "Legacy_Code__c.field-meta.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
                <fullName>Legacy_Code__c</fullName>
                <externalId>true</externalId>
                <label>Legacy Code</label>
                <length>20</length>
                <required>false</required>
                <type>Text</type>
                <unique>false</unique>
            </CustomField>
            """);
        return target;
    }
}
