using System.Net;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class SObjectTests
{
    [Test]
    public async Task Create_Get_Update_Delete_RoundTrip()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateAsync("Contact", new JsonObject { ["FirstName"] = "Ada", ["LastName"] = "Lovelace", ["Email"] = "ada@example.com" });
        Assert.That(id, Does.StartWith("003").And.Length.EqualTo(18));

        var (status, record, _) = await org.GetAsync($"sobjects/Contact/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(record!["attributes"]!["type"]!.ToString(), Is.EqualTo("Contact"));
            Assert.That(record["attributes"]!["url"]!.ToString(), Is.EqualTo($"/services/data/v62.0/sobjects/Contact/{id}"));
            Assert.That(record["Name"]!.ToString(), Is.EqualTo("Ada Lovelace"));
            Assert.That(record["CreatedDate"]!.ToString(), Is.EqualTo("2026-03-14T12:00:00.000+0000"));
            Assert.That(record["OwnerId"]!.ToString(), Does.StartWith("005"));
        });

        var (patch, _, _) = await org.PatchAsync($"sobjects/Contact/{id[..15]}", new JsonObject { ["LastName"] = "King" });
        Assert.That(patch, Is.EqualTo(HttpStatusCode.NoContent), "15-character ids are accepted");
        var (_, updated, _) = await org.GetAsync($"sobjects/Contact/{id}?fields=Name,LastName");
        Assert.That(updated!["Name"]!.ToString(), Is.EqualTo("Ada King"));
        Assert.That(updated.AsObject().ContainsKey("Email"), Is.False, "?fields limits the answer");

        Assert.That((await org.DeleteAsync($"sobjects/Contact/{id}")).Status, Is.EqualTo(HttpStatusCode.NoContent));
        var (gone, error, _) = await org.GetAsync($"sobjects/Contact/{id}");
        Assert.That((gone, error![0]!["errorCode"]!.ToString()), Is.EqualTo((HttpStatusCode.NotFound, "NOT_FOUND")));
    }

    [Test]
    public async Task Create_CustomObject_GetsItsPrefixAutoNumberAndDefaults()
    {
        await using var org = await TestOrg.StartAsync();
        var store = await org.CreateStoreAsync();
        var sale = await org.CreateAsync("Sale__c", new JsonObject { ["Sale_Id__c"] = "1-100", ["Store__c"] = store, ["Quantity__c"] = 3 });
        var (_, record, _) = await org.GetAsync($"sobjects/Sale__c/{sale}");
        Assert.Multiple(() =>
        {
            Assert.That(sale[..3], Is.Not.EqualTo(store[..3]));
            Assert.That(record!["Name"]!.ToString(), Is.EqualTo("S-0001"));
            Assert.That(record["Status__c"]!.ToString(), Is.EqualTo("Completed"));
            Assert.That(record["Is_Refund__c"]!.GetValue<bool>(), Is.False);
            Assert.That(record["Quantity__c"]!.ToJsonString(), Is.EqualTo("3.0"), "numbers are doubles on the wire");
            Assert.That(record["Contact__c"], Is.Null);
        });
    }

    [Test]
    public async Task Create_UnknownObjectOrVersion_Is404()
    {
        await using var org = await TestOrg.StartAsync();
        Assert.Multiple(async () =>
        {
            Assert.That((await org.PostAsync("sobjects/Nope__c", new JsonObject())).Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await org.GetAsync("/services/data/v99.0/limits")).Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await org.GetAsync("/services/data/v62.0/nothing")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Upsert_ByExternalId_Creates201ThenUpdates200()
    {
        await using var org = await TestOrg.StartAsync();
        var (created, body, _) = await org.PatchAsync("sobjects/Contact/Customer_Id__c/1-42", new JsonObject { ["FirstName"] = "Grace", ["LastName"] = "Hopper" });
        Assert.That(created, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(body!["created"]!.GetValue<bool>(), Is.True);
        var id = body["id"]!.ToString();

        var (updated, body2, _) = await org.PatchAsync("sobjects/Contact/Customer_Id__c/1-42", new JsonObject { ["LastName"] = "Murray" });
        Assert.Multiple(() =>
        {
            Assert.That(updated, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body2!.ToJsonString(), Is.EqualTo($"{{\"id\":\"{id}\",\"success\":true,\"errors\":[],\"created\":false}}"));
        });
        var (_, record, _) = await org.GetAsync($"sobjects/Contact/{id}");
        Assert.That(record!["LastName"]!.ToString(), Is.EqualTo("Murray"));
    }

    [Test]
    public async Task Upsert_Version45_UpdateAnswers204()
    {
        await using var org = await TestOrg.StartAsync();
        await org.PatchAsync("/services/data/v45.0/sobjects/Contact/Customer_Id__c/7", new JsonObject { ["FirstName"] = "A", ["LastName"] = "B" });
        var (status, body, _) = await org.PatchAsync("/services/data/v45.0/sobjects/Contact/Customer_Id__c/7", new JsonObject { ["LastName"] = "C" });
        Assert.That((status, body), Is.EqualTo((HttpStatusCode.NoContent, (JsonNode?)null)));
    }

    [Test]
    public async Task Upsert_SeveralMatches_Answers300WithUrlsAndWritesNothing()
    {
        await using var org = await TestOrg.StartAsync();
        var store = await org.CreateStoreAsync();
        var a = await org.CreateAsync("Sale__c", new JsonObject { ["Sale_Id__c"] = "s1", ["Register_Key__c"] = "R1", ["Store__c"] = store });
        var b = await org.CreateAsync("Sale__c", new JsonObject { ["Sale_Id__c"] = "s2", ["Register_Key__c"] = "R1", ["Store__c"] = store });
        var (status, body, _) = await org.PatchAsync("sobjects/Sale__c/Register_Key__c/R1", new JsonObject { ["Note__c"] = "changed" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.MultipleChoices));
        Assert.That(body!.AsArray().Select(n => n!.ToString()), Is.EquivalentTo(new[] { $"/services/data/v62.0/sobjects/Sale__c/{a}", $"/services/data/v62.0/sobjects/Sale__c/{b}" }));
        var notes = org.Emulator.Control.Query("SELECT Note__c FROM Sale__c WHERE Note__c != null");
        Assert.That(notes["totalSize"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Upsert_BadFieldKeyInBodyOrUpdateOnly_GiveTheOrgErrors()
    {
        await using var org = await TestOrg.StartAsync();
        var (notExt, body1, _) = await org.PatchAsync("sobjects/Contact/LastName/x", new JsonObject { ["FirstName"] = "a" });
        var (keyInBody, body2, _) = await org.PatchAsync("sobjects/Contact/Customer_Id__c/9", new JsonObject { ["Customer_Id__c"] = "9", ["LastName"] = "a", ["FirstName"] = "b" });
        var (updateOnly, _, _) = await org.PatchAsync("sobjects/Contact/Customer_Id__c/10?updateOnly=true", new JsonObject { ["LastName"] = "a", ["FirstName"] = "b" });
        Assert.Multiple(() =>
        {
            Assert.That(notExt, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(body1![0]!["message"]!.ToString(), Is.EqualTo("Provided external ID field does not exist or is not accessible: LastName"));
            Assert.That(keyInBody, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body2![0]!["errorCode"]!.ToString(), Is.EqualTo("INVALID_FIELD"));
            Assert.That(updateOnly, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Upsert_ParentByExternalId_ResolvesOrGivesForeignKeyError()
    {
        await using var org = await TestOrg.StartAsync();
        var store = await org.CreateStoreAsync("1-7", "S7");
        var (created, body, _) = await org.PatchAsync("sobjects/Sale__c/Sale_Id__c/1-900", new JsonObject { ["Store__r"] = new JsonObject { ["Shop_Id__c"] = "1-7" }, ["Total__c"] = 10.5 });
        Assert.That(created, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        var (_, sale, _) = await org.GetAsync($"sobjects/Sale__c/{body!["id"]}");
        Assert.That(sale!["Store__c"]!.ToString(), Is.EqualTo(store));

        var (missing, error, _) = await org.PatchAsync("sobjects/Sale__c/Sale_Id__c/1-901", new JsonObject { ["Store__r"] = new JsonObject { ["Shop_Id__c"] = "nope" } });
        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error![0]!["errorCode"]!.ToString(), Is.EqualTo("INVALID_FIELD"));
            Assert.That(error[0]!["message"]!.ToString(), Is.EqualTo("Foreign key external ID: nope not found for field Shop_Id__c in entity Store__c"));
        });
    }

    [Test]
    public async Task Publish_PlatformEvent_Answers201WithOperationEnqueued()
    {
        await using var org = await TestOrg.StartAsync();
        var (status, body, _) = await org.PostAsync("sobjects/Resync__e", new JsonObject { ["Scope__c"] = "Customer" });
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(body!["id"]!.ToString(), Does.StartWith("e"));
            Assert.That(body["errors"]![0]!["statusCode"]!.ToString(), Is.EqualTo("OPERATION_ENQUEUED"));
            Assert.That(org.Emulator.Control.PublishedEvents.Single().EventUuid, Is.EqualTo(body["errors"]![0]!["message"]!.ToString()));
        });
    }

    [Test]
    public async Task CustomMetadata_IsQueryableButNotWritable()
    {
        await using var org = await TestOrg.StartAsync();
        var (status, body, _) = await org.QueryAsync("SELECT DeveloperName, Operation__c FROM Rollup__mdt");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body!["records"]![0]!["Operation__c"]!.ToString(), Is.EqualTo("SUM"));
        var (create, _, _) = await org.PostAsync("sobjects/Rollup__mdt", new JsonObject { ["Operation__c"] = "MAX" });
        Assert.That(create, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
