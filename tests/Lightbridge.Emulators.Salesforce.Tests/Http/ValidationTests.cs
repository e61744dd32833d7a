using System.Net;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class ValidationTests
{
    private static async Task<JsonNode> FailAsync(TestOrg org, string objectName, JsonObject fields)
    {
        var (status, body, _) = await org.PostAsync($"sobjects/{objectName}", fields);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body?.ToJsonString());
        return body![0]!;
    }

    private static async Task<JsonObject> SaleAsync(TestOrg org, JsonObject extra)
    {
        var store = await org.CreateStoreAsync();
        var sale = new JsonObject { ["Sale_Id__c"] = "x-1", ["Store__c"] = store };
        foreach (var (key, value) in extra)
        {
            sale[key] = value?.DeepClone();
        }

        return sale;
    }

    [Test]
    public async Task Create_UnknownField_IsInvalidField()
    {
        await using var org = await TestOrg.StartAsync();
        using var content = new StringContent("{\"Name\":\"A\",\"Shoe_Size__c\":9}", System.Text.Encoding.UTF8, "application/json");
        using var response = await org.Http.PostAsync("/services/data/v62.0/sobjects/Account", content);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(raw, Is.EqualTo("[{\"message\":\"No such column 'Shoe_Size__c' on sobject of type Account\",\"errorCode\":\"INVALID_FIELD\"}]"));
        });
    }

    [Test]
    public async Task Create_MissingRequired_ListsTheFields()
    {
        await using var org = await TestOrg.StartAsync();
        var lead = await FailAsync(org, "Lead", new JsonObject { ["FirstName"] = "A" });
        var sale = await FailAsync(org, "Sale__c", new JsonObject { ["Sale_Id__c"] = "1" });
        Assert.Multiple(() =>
        {
            Assert.That(lead["errorCode"]!.ToString(), Is.EqualTo("REQUIRED_FIELD_MISSING"));
            Assert.That(lead["message"]!.ToString(), Is.EqualTo("Required fields are missing: [LastName, Company]"));
            Assert.That(lead["fields"]!.AsArray().Select(f => f!.ToString()), Is.EqualTo(new[] { "LastName", "Company" }));
            Assert.That(sale["fields"]!.AsArray().Select(f => f!.ToString()), Is.EqualTo(new[] { "Store__c" }), "master-detail is required");
        });
    }

    [Test]
    public async Task Create_ValueErrors_UseTheOrgCodes()
    {
        await using var org = await TestOrg.StartAsync();
        var cases = new (string Field, JsonNode Value, string Code, string Message)[]
        {
            ("Note__c", "123456789012345678901", "STRING_TOO_LONG", "Note: data value too large: 123456789012345678901 (max length=20)"),
            ("Total__c", "abc", "INVALID_TYPE_ON_FIELD_IN_RECORD", "Total: value not of required type: abc"),
            ("Sale_Date__c", "14/03/2026", "INVALID_TYPE_ON_FIELD_IN_RECORD", "Sale Date: value not of required type: 14/03/2026"),
            ("Status__c", "Pending", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Status: bad value for restricted picklist field: Pending"),
            ("Receipt_Email__c", "not-an-email", "INVALID_EMAIL_ADDRESS", "Receipt Email: invalid email address: not-an-email"),
            ("Quantity__c", 123456, "NUMBER_OUTSIDE_VALID_RANGE", "Quantity: value outside of valid range on numeric field: 123456"),
            ("Contact__c", "garbage", "MALFORMED_ID", "Contact: id value of incorrect type: garbage"),
        };
        foreach (var (field, value, code, message) in cases)
        {
            var error = await FailAsync(org, "Sale__c", await SaleAsync(org, new JsonObject { [field] = value.DeepClone() }));
            Assert.Multiple(() =>
            {
                Assert.That(error["errorCode"]!.ToString(), Is.EqualTo(code), field);
                Assert.That(error["message"]!.ToString(), Is.EqualTo(message), field);
            });
            org.Emulator.Control.Reset();
        }
    }

    [Test]
    public async Task Create_NumberBeyondScale_IsRoundedHalfUp()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateAsync("Sale__c", await SaleAsync(org, new JsonObject { ["Total__c"] = 10.125, ["Quantity__c"] = 2.5 }));
        var (_, record, _) = await org.GetAsync($"sobjects/Sale__c/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(record!["Total__c"]!.ToJsonString(), Is.EqualTo("10.13"));
            Assert.That(record["Quantity__c"]!.ToJsonString(), Is.EqualTo("3.0"));
        });
    }

    [Test]
    public async Task Create_DuplicateUniqueValue_IsDuplicateValueNamingTheRecord()
    {
        await using var org = await TestOrg.StartAsync();
        var first = await org.CreateStoreAsync("1-1", "S1");
        var error = await FailAsync(org, "Store__c", new JsonObject { ["Name"] = "B", ["Shop_Id__c"] = "1-2", ["Store_Code__c"] = "s1" });
        Assert.Multiple(() =>
        {
            Assert.That(error["errorCode"]!.ToString(), Is.EqualTo("DUPLICATE_VALUE"));
            Assert.That(error["message"]!.ToString(), Is.EqualTo($"duplicate value found: Store_Code__c duplicates value on record with id: {first}"));
        });
    }

    [Test]
    public async Task Create_ValidationRules_FireWithTheirMessages()
    {
        await using var org = await TestOrg.StartAsync();
        var refund = await FailAsync(org, "Sale__c", await SaleAsync(org, new JsonObject { ["Is_Refund__c"] = true, ["Total__c"] = 5 }));
        Assert.Multiple(() =>
        {
            Assert.That(refund["errorCode"]!.ToString(), Is.EqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION"));
            Assert.That(refund["message"]!.ToString(), Is.EqualTo("A refund must have a negative total"));
            Assert.That(refund["fields"]![0]!.ToString(), Is.EqualTo("Total__c"));
        });
        org.Emulator.Control.Reset();
        var voided = await FailAsync(org, "Sale__c", await SaleAsync(org, new JsonObject { ["Status__c"] = "Voided" }));
        Assert.That(voided["message"]!.ToString(), Is.EqualTo("Voided sales need a note"));
        org.Emulator.Control.Reset();
        var ok = await org.CreateAsync("Sale__c", await SaleAsync(org, new JsonObject { ["Status__c"] = "Voided", ["Note__c"] = "duplicate", ["Is_Refund__c"] = true, ["Total__c"] = -5 }));
        Assert.That(ok, Is.Not.Empty, "the inactive rule does not fire");
    }

    [Test]
    public async Task Update_ReadOnlyFields_AreRefused()
    {
        await using var org = await TestOrg.StartAsync();
        var store = await org.CreateStoreAsync();
        var (status, body, _) = await org.PatchAsync($"sobjects/Store__c/{store}", new JsonObject { ["Total_Sales__c"] = 100 });
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body![0]!["errorCode"]!.ToString(), Is.EqualTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
        });
    }

    [Test]
    public async Task Create_ReferenceToMissingRecord_IsInvalidCrossReference()
    {
        await using var org = await TestOrg.StartAsync();
        var error = await FailAsync(org, "Contact", new JsonObject { ["FirstName"] = "A", ["LastName"] = "B", ["AccountId"] = "001000000000000AAA" });
        Assert.That(error["errorCode"]!.ToString(), Is.EqualTo("INVALID_CROSS_REFERENCE_KEY"));
    }
}
