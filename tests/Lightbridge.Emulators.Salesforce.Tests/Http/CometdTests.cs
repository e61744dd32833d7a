using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class CometdTests
{
    private const string Channel = "/event/Resync__e";

    private static async Task<JsonArray> SendAsync(TestOrg org, params JsonObject[] messages)
    {
        using var content = new StringContent(new JsonArray(messages.Select(m => (JsonNode?)m).ToArray()).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await org.Http.PostAsync("/cometd/62.0", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    private static async Task<string> HandshakeAsync(TestOrg org)
    {
        var reply = (await SendAsync(org, new JsonObject { ["channel"] = "/meta/handshake", ["version"] = "1.0", ["supportedConnectionTypes"] = new JsonArray("long-polling"), ["id"] = "1" }))[0]!;
        Assert.That(reply["successful"]!.GetValue<bool>(), Is.True, reply.ToJsonString());
        return reply["clientId"]!.ToString();
    }

    private static JsonObject Subscribe(string clientId, long replayId, string channel = Channel) => new()
    {
        ["channel"] = "/meta/subscribe", ["clientId"] = clientId, ["subscription"] = channel,
        ["ext"] = new JsonObject { ["replay"] = new JsonObject { [channel] = replayId } },
    };

    private static JsonObject Connect(string clientId) => new() { ["channel"] = "/meta/connect", ["clientId"] = clientId, ["connectionType"] = "long-polling" };

    private static Task PublishAsync(TestOrg org, string scope) => org.PostAsync("sobjects/Resync__e", new JsonObject { ["Scope__c"] = scope });

    [Test]
    public async Task Subscribe_ReplayAll_DeliversRetainedEventsInOrderWithTheRealShape()
    {
        await using var org = await TestOrg.StartAsync();
        await PublishAsync(org, "Customer");
        await PublishAsync(org, "Item");
        var client = await HandshakeAsync(org);
        var subscribed = (await SendAsync(org, Subscribe(client, -2)))[0]!;
        Assert.That(subscribed["successful"]!.GetValue<bool>(), Is.True, subscribed.ToJsonString());

        var replies = await SendAsync(org, Connect(client));
        Assert.That(replies, Has.Count.EqualTo(3));
        var first = replies[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(first["channel"]!.ToString(), Is.EqualTo(Channel));
            Assert.That(first["data"]!["payload"]!["Scope__c"]!.ToString(), Is.EqualTo("Customer"));
            Assert.That(first["data"]!["payload"]!["CreatedDate"]!.ToString(), Is.EqualTo("2026-03-14T12:00:00.000Z"));
            Assert.That(first["data"]!["event"]!["EventUuid"], Is.Not.Null);
            Assert.That(first["data"]!["schema"], Is.Not.Null);
            Assert.That(replies[1]!["data"]!["event"]!["replayId"]!.GetValue<long>(), Is.GreaterThan(first["data"]!["event"]!["replayId"]!.GetValue<long>()));
            Assert.That(replies[2]!["channel"]!.ToString(), Is.EqualTo("/meta/connect"));
            Assert.That(replies[2]!["advice"]!["timeout"]!.GetValue<long>(), Is.EqualTo(110_000));
        });
    }

    [Test]
    public async Task Connect_IsHeldUntilAnEventIsPublished_OrTheTimeout()
    {
        await using var org = await TestOrg.StartAsync();
        var client = await HandshakeAsync(org);
        await SendAsync(org, Subscribe(client, -1));
        var held = SendAsync(org, Connect(client));
        await TestOrg.WaitUntilAsync(() => org.Emulator.Control.CometdHeldConnects == 1);
        Assert.That(held.IsCompleted, Is.False, "no event yet: the connect is held");
        await PublishAsync(org, "Store");
        var replies = await held;
        Assert.That(replies[0]!["data"]!["payload"]!["Scope__c"]!.ToString(), Is.EqualTo("Store"));

        var idle = SendAsync(org, Connect(client));
        await TestOrg.WaitUntilAsync(() => org.Emulator.Control.CometdHeldConnects == 1);
        await org.AdvanceUntilAsync(idle, TimeSpan.FromSeconds(111));
        var empty = await idle;
        Assert.That((empty.Count, empty[0]!["successful"]!.GetValue<bool>()), Is.EqualTo((1, true)));
    }

    [Test]
    public async Task Connect_WithAdviceTimeoutZero_IsNotHeld()
    {
        await using var org = await TestOrg.StartAsync();
        var client = await HandshakeAsync(org);
        await SendAsync(org, Subscribe(client, -1));
        var connect = Connect(client);
        connect["advice"] = new JsonObject { ["timeout"] = 0 };
        var replies = await SendAsync(org, connect);
        Assert.That((replies.Count, replies[0]!["successful"]!.GetValue<bool>()), Is.EqualTo((1, true)));
    }

    [Test]
    public async Task Dispose_WithAHeldConnect_StopsPromptly()
    {
        var org = await TestOrg.StartAsync();
        var client = await HandshakeAsync(org);
        await SendAsync(org, Subscribe(client, -1));
        var held = org.Http.PostAsync("/cometd/62.0", new StringContent(new JsonArray(Connect(client)).ToJsonString(), Encoding.UTF8, "application/json"));
        await TestOrg.WaitUntilAsync(() => org.Emulator.Control.CometdHeldConnects == 1);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await org.DisposeAsync();
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the host's 30 s shutdown wait is not hit");
        try
        {
            (await held).Dispose();
        }
        catch (HttpRequestException)
        {
            // The connection may be closed by the stopping server; either outcome is fine.
        }
        catch (TaskCanceledException)
        {
            // As above: the client gave up because the server went away.
        }
    }

    [Test]
    public async Task Subscribe_StoredReplayId_ResumesAfterIt_InvalidIsRejected()
    {
        await using var org = await TestOrg.StartAsync(o => o.SessionLifetime = TimeSpan.FromDays(4));
        await PublishAsync(org, "A");
        await PublishAsync(org, "B");
        var events = org.Emulator.Control.PublishedEvents;
        var client = await HandshakeAsync(org);
        await SendAsync(org, Subscribe(client, events[0].ReplayId));
        var replies = await SendAsync(org, Connect(client));
        Assert.That(replies[0]!["data"]!["payload"]!["Scope__c"]!.ToString(), Is.EqualTo("B"));

        org.Time.Advance(TimeSpan.FromHours(73));
        var other = await HandshakeAsync(org);
        var invalid = (await SendAsync(org, Subscribe(other, events[0].ReplayId)))[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(invalid["successful"]!.GetValue<bool>(), Is.False);
            Assert.That(invalid["error"]!.ToString(), Does.StartWith($"400::The replayId {{{events[0].ReplayId}}} you provided was invalid."));
        });
    }

    [Test]
    public async Task Subscribe_UnknownChannelOrMissingReplayEntry_Fails()
    {
        await using var org = await TestOrg.StartAsync();
        var client = await HandshakeAsync(org);
        var unknown = (await SendAsync(org, Subscribe(client, -1, "/event/Nope__e")))[0]!;
        var missing = new JsonObject
        {
            ["channel"] = "/meta/subscribe", ["clientId"] = client, ["subscription"] = Channel,
            ["ext"] = new JsonObject { ["replay"] = new JsonObject { ["/event/Other__e"] = -1 } },
        };
        var noEntry = (await SendAsync(org, missing))[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(unknown["error"]!.ToString(), Does.StartWith("400::"));
            Assert.That(noEntry["error"]!.ToString(), Does.Contain("wasn't found"));
        });
    }

    [Test]
    public async Task DroppedOrExpiredClient_GetsUnknownClientAndLosesSubscriptions()
    {
        await using var org = await TestOrg.StartAsync();
        var client = await HandshakeAsync(org);
        await SendAsync(org, Subscribe(client, -1));
        org.Time.Advance(TimeSpan.FromSeconds(41));
        var expired = (await SendAsync(org, Connect(client)))[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(expired["error"]!.ToString(), Is.EqualTo("403::Unknown client"));
            Assert.That(expired["advice"]!["reconnect"]!.ToString(), Is.EqualTo("handshake"));
        });

        var again = await HandshakeAsync(org);
        using var drop = await org.Http.PostAsync("/__emulator/cometd/drop-clients", null);
        Assert.That((await SendAsync(org, Connect(again)))[0]!["error"]!.ToString(), Is.EqualTo("403::Unknown client"));
    }

    [Test]
    public async Task RevokedToken_GivesAuthenticationInvalid_AndHandshakeIsDenied()
    {
        await using var org = await TestOrg.StartAsync();
        var client = await HandshakeAsync(org);
        org.Emulator.Control.ExpireAllSessions();
        var connect = (await SendAsync(org, Connect(client)))[0]!;
        Assert.That((connect["error"]!.ToString(), connect["advice"]!["reconnect"]!.ToString()), Is.EqualTo(("401::Authentication invalid", "none")));
        var denied = (await SendAsync(org, new JsonObject { ["channel"] = "/meta/handshake", ["version"] = "1.0" }))[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(denied["error"]!.ToString(), Is.EqualTo("403::Handshake denied"));
            Assert.That(denied["ext"]!["sfdc"]!["failureReason"]!.ToString(), Is.EqualTo("401::Authentication invalid"));
        });
    }

    [Test]
    public async Task MissingBrowserCookie_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        var client = await HandshakeAsync(org);
        using var bare = new HttpClient { BaseAddress = org.Emulator.InstanceUrl };
        bare.DefaultRequestHeaders.Authorization = org.Http.DefaultRequestHeaders.Authorization;
        using var content = new StringContent(new JsonArray(Connect(client)).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await bare.PostAsync("/cometd/62.0", content);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())![0]!;
        Assert.That(reply["error"]!.ToString(), Does.Contain("BAYEUX_BROWSER"));
    }
}
