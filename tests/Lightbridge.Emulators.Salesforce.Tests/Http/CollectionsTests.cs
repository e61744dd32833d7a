using System.Net;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class CollectionsTests
{
    private static JsonObject Contact(string key, string last = "L", string? email = null)
    {
        var record = new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Contact" }, ["Customer_Id__c"] = key, ["FirstName"] = "F", ["LastName"] = last };
        if (email is not null)
        {
            record["Email"] = email;
        }

        return record;
    }

    private static JsonObject Body(bool allOrNone, params JsonObject[] records) =>
        new() { ["allOrNone"] = allOrNone, ["records"] = new JsonArray(records.Select(r => (JsonNode?)r).ToArray()) };

    [Test]
    public async Task Upsert_MixedResults_InOrderWithCreatedFlagsAndStatusCodes()
    {
        await using var org = await TestOrg.StartAsync();
        await org.PatchAsync("sobjects/Contact/Customer_Id__c/k1", new JsonObject { ["FirstName"] = "F", ["LastName"] = "Old" });
        var (status, body, _) = await org.PatchAsync("composite/sobjects/Contact/Customer_Id__c",
            Body(false, Contact("k1", "New"), Contact("k2"), Contact("k3", email: "bad"), Contact("k4")));
        var results = body!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(results.Select(r => r!["success"]!.GetValue<bool>()), Is.EqualTo(new[] { true, true, false, true }));
            Assert.That(results.Select(r => r!["created"]!.GetValue<bool>()), Is.EqualTo(new[] { false, true, false, true }));
            Assert.That(results[2]!.AsObject().ContainsKey("id"), Is.False, "failed entries omit id");
            Assert.That(results[2]!["errors"]![0]!["statusCode"]!.ToString(), Is.EqualTo("INVALID_EMAIL_ADDRESS"));
            Assert.That(results[2]!["errors"]![0]!["fields"]![0]!.ToString(), Is.EqualTo("Email"));
        });
        var check = org.Emulator.Control.Query("SELECT LastName FROM Contact WHERE Customer_Id__c = 'k1'");
        Assert.That(check["records"]![0]!["LastName"]!.ToString(), Is.EqualTo("New"));
    }

    [Test]
    public async Task Upsert_KeyRepeatedInRequest_FailsEveryCopy()
    {
        await using var org = await TestOrg.StartAsync();
        var (_, body, _) = await org.PatchAsync("composite/sobjects/Contact/Customer_Id__c", Body(false, Contact("d1"), Contact("D1"), Contact("d2")));
        var results = body!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r!["success"]!.GetValue<bool>()), Is.EqualTo(new[] { false, false, true }));
            Assert.That(results[0]!["errors"]![0]!["statusCode"]!.ToString(), Is.EqualTo("DUPLICATE_VALUE"));
            Assert.That(results[0]!["errors"]![0]!["message"]!.ToString(), Is.EqualTo("Duplicate external id specified: d1"));
        });
    }

    [Test]
    public async Task Upsert_AllOrNone_RollsBackAndMarksTheOthers()
    {
        await using var org = await TestOrg.StartAsync();
        var (_, body, _) = await org.PatchAsync("composite/sobjects/Contact/Customer_Id__c", Body(true, Contact("a1"), Contact("a2", email: "nope"), Contact("a3")));
        var results = body!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r!["success"]!.GetValue<bool>()), Is.EqualTo(new[] { false, false, false }));
            Assert.That(results[0]!["errors"]![0]!["statusCode"]!.ToString(), Is.EqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK"));
            Assert.That(results[1]!["errors"]![0]!["statusCode"]!.ToString(), Is.EqualTo("INVALID_EMAIL_ADDRESS"));
            Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Contact")["totalSize"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task Upsert_ExistingDuplicates_IsDuplicateExternalId()
    {
        await using var org = await TestOrg.StartAsync();
        var store = await org.CreateStoreAsync();
        org.Emulator.Control.LoadRecords("Sale__c", [
            new JsonObject { ["Sale_Id__c"] = "1", ["Register_Key__c"] = "R", ["Store__c"] = store },
            new JsonObject { ["Sale_Id__c"] = "2", ["Register_Key__c"] = "R", ["Store__c"] = store },
        ]);
        var record = new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Sale__c" }, ["Register_Key__c"] = "R", ["Note__c"] = "x" };
        var (_, body, _) = await org.PatchAsync("composite/sobjects/Sale__c/Register_Key__c", Body(false, record));
        Assert.That(body![0]!["errors"]![0]!["statusCode"]!.ToString(), Is.EqualTo("DUPLICATE_EXTERNAL_ID"));
    }

    [Test]
    public async Task Upsert_Over200OrMissingType_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        var tooMany = Body(false, Enumerable.Range(0, 201).Select(i => Contact($"k{i}")).ToArray());
        var (status, body, _) = await org.PatchAsync("composite/sobjects/Contact/Customer_Id__c", tooMany);
        Assert.That((status, body![0]!["errorCode"]!.ToString()), Is.EqualTo((HttpStatusCode.BadRequest, "EXCEEDED_ID_LIMIT")));
        var untyped = new JsonObject { ["Customer_Id__c"] = "z", ["FirstName"] = "a", ["LastName"] = "b" };
        var (_, body2, _) = await org.PatchAsync("composite/sobjects/Contact/Customer_Id__c", Body(false, untyped));
        Assert.That(body2![0]!["errors"]![0]!["statusCode"]!.ToString(), Is.EqualTo("INVALID_TYPE"));
        var (badField, _, _) = await org.PatchAsync("composite/sobjects/Contact/LastName", Body(false, Contact("q")));
        Assert.That(badField, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task CreateUpdateDelete_Collections_Work()
    {
        await using var org = await TestOrg.StartAsync();
        var accounts = new JsonObject
        {
            ["allOrNone"] = false,
            ["records"] = new JsonArray(
                new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Account" }, ["Name"] = "One" },
                new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Account" } }),
        };
        var (_, created, _) = await org.PostAsync("composite/sobjects", accounts);
        var id = created![0]!["id"]!.ToString();
        Assert.That(created[1]!["errors"]![0]!["statusCode"]!.ToString(), Is.EqualTo("REQUIRED_FIELD_MISSING"));

        var update = new JsonObject { ["records"] = new JsonArray(new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Account" }, ["Id"] = id, ["Name"] = "Uno" }) };
        var (_, updated, _) = await org.PatchAsync("composite/sobjects", update);
        Assert.That(updated![0]!["success"]!.GetValue<bool>(), Is.True);
        Assert.That(org.Emulator.Control.Query("SELECT Name FROM Account")["records"]![0]!["Name"]!.ToString(), Is.EqualTo("Uno"));

        var (_, deleted, _) = await org.DeleteAsync($"composite/sobjects?ids={id}");
        Assert.That(deleted![0]!["success"]!.GetValue<bool>(), Is.True);
        Assert.That(org.Emulator.Control.Query("SELECT COUNT() FROM Account")["totalSize"]!.GetValue<int>(), Is.Zero);
    }
}
