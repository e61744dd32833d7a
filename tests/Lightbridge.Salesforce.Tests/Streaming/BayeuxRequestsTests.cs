using System.Text.Json.Nodes;
using Lightbridge.Salesforce.Streaming;

namespace Lightbridge.Salesforce.Tests.Streaming;

[TestFixture]
public sealed class BayeuxRequestsTests
{
    [Test]
    public void Handshake_AsksForReplayAndLongPolling()
    {
        var message = Single(BayeuxRequests.Handshake(1));

        Assert.Multiple(() =>
        {
            Assert.That(message["channel"]!.GetValue<string>(), Is.EqualTo("/meta/handshake"));
            Assert.That(message["version"]!.GetValue<string>(), Is.EqualTo("1.0"));
            Assert.That(message["supportedConnectionTypes"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "long-polling" }));
            Assert.That(message["ext"]!["replay"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void Subscribe_ReplayMapNamesTheChannel()
    {
        var message = Single(BayeuxRequests.Subscribe(2, "c1", "/event/X__e", 123));

        Assert.Multiple(() =>
        {
            Assert.That(message["subscription"]!.GetValue<string>(), Is.EqualTo("/event/X__e"));
            Assert.That(message["clientId"]!.GetValue<string>(), Is.EqualTo("c1"));
            Assert.That(message["ext"]!["replay"]!["/event/X__e"]!.GetValue<long>(), Is.EqualTo(123));
        });
    }

    [Test]
    public void Connect_LongPollingWithClientId()
    {
        var message = Single(BayeuxRequests.Connect(3, "c1"));

        Assert.That(message["connectionType"]!.GetValue<string>(), Is.EqualTo("long-polling"));
        Assert.That(message["id"]!.GetValue<string>(), Is.EqualTo("3"));
    }

    [Test]
    public void Disconnect_NamesClient()
    {
        var message = Single(BayeuxRequests.Disconnect(4, "c1"));

        Assert.That(message["channel"]!.GetValue<string>(), Is.EqualTo("/meta/disconnect"));
        Assert.That(message["clientId"]!.GetValue<string>(), Is.EqualTo("c1"));
    }

    private static JsonObject Single(string body)
    {
        var array = JsonNode.Parse(body)!.AsArray();
        Assert.That(array, Has.Count.EqualTo(1));
        return array[0]!.AsObject();
    }
}
