using System.Text.Json;
using Lightbridge.Salesforce.Streaming;

namespace Lightbridge.Salesforce.Tests.Streaming;

/// <summary>The reference §3.4 error table, row by row (actions by name: the enum is internal).</summary>
[TestFixture]
public sealed class CometdDecisionTests
{
    [TestCase("""{"channel":"/meta/connect","successful":true,"advice":{"interval":0,"timeout":110000,"reconnect":"retry"}}""", "Proceed")]
    [TestCase("""{"channel":"/meta/connect","successful":true,"advice":{"reconnect":"none"}}""", "Fail")]
    [TestCase("""{"channel":"/meta/connect","successful":false,"error":"401::Authentication invalid","advice":{"reconnect":"none"}}""", "Reauthenticate")]
    [TestCase("""{"channel":"/meta/handshake","successful":false,"error":"403::Handshake denied","ext":{"sfdc":{"failureReason":"401::Authentication invalid"}},"advice":{"reconnect":"none"}}""", "Reauthenticate")]
    [TestCase("""{"channel":"/meta/connect","successful":false,"error":"403::Unknown client","advice":{"interval":0,"reconnect":"handshake"}}""", "Handshake")]
    [TestCase("""{"channel":"/meta/subscribe","successful":false,"error":"403::Unknown client"}""", "Handshake")]
    [TestCase("""{"channel":"/meta/connect","successful":false,"error":"402::Unknown client: no BAYEUX_BROWSER cookie present","advice":{"reconnect":"handshake"}}""", "Handshake")]
    [TestCase("""{"channel":"/meta/connect","successful":false,"error":"400::Client abc has established a session, but no BAYEUX_BROWSER cookie present"}""", "Handshake")]
    [TestCase("""{"channel":"/meta/subscribe","successful":false,"error":"400::The replayId {82} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events."}""", "ReplayIdInvalid")]
    [TestCase("""{"channel":"/meta/subscribe","successful":false,"error":"400::The channel you requested to subscribe to does not exist {/event/X__e}"}""", "Fail")]
    [TestCase("""{"channel":"/meta/subscribe","successful":false,"error":"400::The replayId for channel {/event/X__e} wasn't found"}""", "Fail")]
    public void Decide_Reply_Action(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.That(CometdDecision.Decide(BayeuxReply.Parse(document.RootElement)), Is.EqualTo(Enum.Parse<CometdAction>(expected)));
    }
}
