using System.Text.Json;
using Lightbridge.Salesforce.Streaming;

namespace Lightbridge.Salesforce.Tests.Streaming;

[TestFixture]
public sealed class PlatformEventParserTests
{
    [Test]
    public void Parse_ReferenceMessage_AllPartsRead()
    {
        var e = Parse("""
            {"data":{"schema":"dffQ2QLzDNHqwB8_sHMxdA",
                     "payload":{"CreatedDate":"2017-04-09T18:31:40.517Z","Printer_Model__c":"XZO-5","Ink_Percentage__c":0.2},
                     "event":{"EventUuid":"u-1","replayId":2}},
             "channel":"/event/Low_Ink__e"}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(e!.Channel, Is.EqualTo("/event/Low_Ink__e"));
            Assert.That(e.ReplayId, Is.EqualTo(2));
            Assert.That(e.EventUuid, Is.EqualTo("u-1"));
            Assert.That(e.SchemaId, Is.EqualTo("dffQ2QLzDNHqwB8_sHMxdA"));
            Assert.That(e.Payload.GetProperty("Printer_Model__c").GetString(), Is.EqualTo("XZO-5"));
        });
    }

    [Test]
    public void Parse_ReplayIdBeyondInt_ReadAsLong()
    {
        var e = Parse("""{"channel":"/event/X__e","data":{"payload":{},"event":{"replayId":9007199254740}}}""");

        Assert.That(e!.ReplayId, Is.EqualTo(9_007_199_254_740L));
        Assert.That(e.EventUuid, Is.Null);
    }

    [Test]
    public void Parse_ReplayIdAsString_Read()
    {
        Assert.That(Parse("""{"channel":"/event/X__e","data":{"event":{"replayId":"17"}}}""")!.ReplayId, Is.EqualTo(17));
    }

    [Test]
    public void Parse_NoReplayId_Null()
    {
        Assert.That(Parse("""{"channel":"/event/X__e","data":{"payload":{}}}"""), Is.Null);
    }

    [Test]
    public void Parse_PayloadOutlivesDocument()
    {
        var e = Parse("""{"channel":"/event/X__e","data":{"payload":{"A__c":"kept"},"event":{"replayId":1}}}""");

        Assert.That(e!.Payload.GetProperty("A__c").GetString(), Is.EqualTo("kept"));
    }

    private static PlatformEvent? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return PlatformEventParser.Parse(document.RootElement);
    }
}
