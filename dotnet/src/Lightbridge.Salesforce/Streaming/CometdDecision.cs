namespace Lightbridge.Salesforce.Streaming;

/// <summary>
/// Maps a meta-channel reply to the subscriber's next move, following the error table of
/// shared/reference/salesforce-api.md §3.4. Pure: the loop in <see cref="CometdRun"/> does the IO.
/// </summary>
internal static class CometdDecision
{
    public static CometdAction Decide(BayeuxReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Successful)
        {
            // reconnect:"none" on a reply that worked is the server closing the door; following the advice
            // means stopping rather than hammering it.
            return reply.Advice?.Reconnect == BayeuxReconnect.None ? CometdAction.Fail : CometdAction.Proceed;
        }

        // 401::Authentication invalid on connect, or 403::Handshake denied whose ext.sfdc.failureReason is 401
        // (BayeuxReply puts that reason in Error).
        if (reply.ErrorCode == 401)
        {
            return CometdAction.Reauthenticate;
        }

        // 400::The replayId {82} you provided was invalid. … (EMP#14, CometD.NetCore#20).
        if (reply.Channel == BayeuxChannels.Subscribe && reply.ErrorCode == 400 && reply.Error is { } error
            && error.Contains("replayId", StringComparison.OrdinalIgnoreCase) && error.Contains("invalid", StringComparison.OrdinalIgnoreCase))
        {
            return CometdAction.ReplayIdInvalid;
        }

        // 403::Unknown client advises a handshake. A missing BAYEUX_BROWSER cookie (reference §3.1: Salesforce says
        // 400::Client … no BAYEUX_BROWSER cookie present; some servers 402) is cured by a handshake too, which sets
        // a fresh cookie.
        if (reply.ErrorCode is 402 or 403 || reply.Advice?.Reconnect == BayeuxReconnect.Handshake
            || (reply.Error?.Contains("BAYEUX_BROWSER", StringComparison.Ordinal) ?? false))
        {
            return CometdAction.Handshake;
        }

        return CometdAction.Fail;
    }
}
