using System.Text.Json;
using Lightbridge.Salesforce.Streaming;

namespace Lightbridge.Salesforce.Tests.Streaming;

[TestFixture]
public sealed class BayeuxReplyTests
{
    [Test]
    public void Parse_UnknownClient_CodeAndHandshakeAdvice()
    {
        var reply = Parse("""{"channel":"/meta/connect","clientId":"abc","successful":false,"error":"403::Unknown client","advice":{"interval":0,"reconnect":"handshake"}}""");

        Assert.Multiple(() =>
        {
            Assert.That(reply.Successful, Is.False);
            Assert.That(reply.ErrorCode, Is.EqualTo(403));
            Assert.That(reply.Advice!.Reconnect, Is.EqualTo(BayeuxReconnect.Handshake));
            Assert.That(reply.Advice.Interval, Is.EqualTo(TimeSpan.Zero));
            Assert.That(reply.Advice.Timeout, Is.Null);
        });
    }

    [Test]
    public void Parse_HandshakeDenied_FailureReasonWins()
    {
        var reply = Parse("""{"channel":"/meta/handshake","successful":false,"error":"403::Handshake denied","ext":{"sfdc":{"failureReason":"401::Authentication invalid"}},"advice":{"reconnect":"none"}}""");

        Assert.That(reply.ErrorCode, Is.EqualTo(401));
        Assert.That(reply.Advice!.Reconnect, Is.EqualTo(BayeuxReconnect.None));
    }

    [Test]
    public void Parse_SuccessfulHandshake_ClientIdReplayAndTimeout()
    {
        var reply = Parse("""{"channel":"/meta/handshake","clientId":"c1","successful":true,"ext":{"replay":true,"payload.format":true},"advice":{"interval":0,"timeout":110000,"reconnect":"retry"}}""");

        Assert.Multiple(() =>
        {
            Assert.That(reply.Successful, Is.True);
            Assert.That(reply.ClientId, Is.EqualTo("c1"));
            Assert.That(reply.ReplayEnabled, Is.True);
            Assert.That(reply.ErrorCode, Is.Null);
            Assert.That(reply.Advice!.Timeout, Is.EqualTo(TimeSpan.FromSeconds(110)));
            Assert.That(reply.Advice.Reconnect, Is.EqualTo(BayeuxReconnect.Retry));
        });
    }

    [Test]
    public void ErrorCode_TextWithoutCode_Null()
    {
        var reply = Parse("""{"channel":"/meta/subscribe","successful":false,"error":"something broke"}""");

        Assert.That(reply.ErrorCode, Is.Null);
        Assert.That(reply.Advice, Is.Null);
    }

    private static BayeuxReply Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return BayeuxReply.Parse(document.RootElement);
    }
}
