using System.Net;
using System.Text;
using System.Text.Json;
using Lightbridge.Salesforce.Auth;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Salesforce.Streaming;

/// <summary>
/// One subscription's loop and state: token, client id, last handled replay id, the uuids seen. Single-threaded:
/// one request at a time, one event at a time.
/// </summary>
internal sealed class CometdRun(
    SalesforceTokenManager tokens,
    string apiVersion,
    TimeProvider time,
    CometdSubscriberOptions options,
    HttpClient http,
    string channel,
    long replayFrom,
    Func<PlatformEvent, CancellationToken, Task> handler,
    Func<long, CancellationToken, Task>? onHandled,
    ILogger log)
{
    private readonly EventDeduplicator _seen = new(options.DeduplicationCapacity);
    private readonly ReconnectBackoff _backoff = new(
        options.BackoffInitialDelay,
        options.BackoffMaxDelay,
        options.JitterSeed is { } seed ? new Random(seed) : new Random());

    // Leaving must not hang on a dead server: the server forgets an idle client anyway (40 s, reference §3.2).
    private static readonly TimeSpan DisconnectTimeout = TimeSpan.FromSeconds(5);

    private SalesforceAccessToken? _token;
    private string? _clientId;
    private bool _subscribed;
    private bool _handling;
    private long _lastHandled = replayFrom;
    private long _messageId;
    private int _authFailures;
    private int _handshakesInARow;
    private TimeSpan _serverTimeout = TimeSpan.FromSeconds(110);

    public async Task LoopAsync(CancellationToken ct)
    {
        _token = await tokens.GetTokenAsync(ct).ConfigureAwait(false);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var next = await StepAsync(ct).ConfigureAwait(false);
                await FollowAsync(next, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!_handling && IsTransient(ex, ct))
            {
                // The connection broke or hung: wait, then connect again with the same client id; if the
                // server forgot it meanwhile it answers 403::Unknown client and we re-handshake.
                var delay = _backoff.Next();
                Log.StreamingConnectionLost(log, ex, channel, delay.TotalMilliseconds);
                await Task.Delay(delay, time, ct).ConfigureAwait(false);
            }
        }
    }

    public async Task DisconnectAsync()
    {
        if (_clientId is null || _token is null)
        {
            return;
        }

        try
        {
            // Frees the server's client at once instead of letting it time out (40 s, reference §3.2 step 4).
            await PostAsync(BayeuxRequests.Disconnect(++_messageId, _clientId), DisconnectTimeout, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort on the way out: the subscription has ended whatever happens here.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        _clientId = null;
    }

    /// <summary>Handshakes and subscribes when needed, then connects once; returns the reply that decides what next.</summary>
    private async Task<BayeuxReply> StepAsync(CancellationToken ct)
    {
        if (_clientId is null)
        {
            var reply = Reply(await PostAsync(BayeuxRequests.Handshake(++_messageId), options.RequestTimeout, ct).ConfigureAwait(false), BayeuxChannels.Handshake);
            if (!reply.Successful)
            {
                return reply;
            }

            _clientId = reply.ClientId ?? throw new CometdException("Salesforce accepted the handshake but sent no clientId.");
            _subscribed = false;
            _serverTimeout = reply.Advice?.Timeout ?? _serverTimeout;
        }

        if (!_subscribed)
        {
            // After a re-handshake the new client has no subscriptions: subscribe again from the last event the
            // caller handled, so nothing between it and now is lost (reference §3.4, 403::Unknown client).
            var reply = Reply(await PostAsync(BayeuxRequests.Subscribe(++_messageId, _clientId, channel, _lastHandled), options.RequestTimeout, ct).ConfigureAwait(false), BayeuxChannels.Subscribe);
            if (!reply.Successful)
            {
                return reply;
            }

            _subscribed = true;
        }

        using var document = await PostAsync(BayeuxRequests.Connect(++_messageId, _clientId), _serverTimeout + options.ConnectGrace, ct).ConfigureAwait(false);

        // Events ride on the connect response, even one that also says 403::Unknown client: they were delivered,
        // so handle them (the dedupe skips them if the resubscription replays them).
        await HandleEventsAsync(document.RootElement, ct).ConfigureAwait(false);
        var connect = Reply(document.RootElement, BayeuxChannels.Connect);
        _serverTimeout = connect.Advice?.Timeout ?? _serverTimeout;
        return connect;
    }

    private async Task FollowAsync(BayeuxReply reply, CancellationToken ct)
    {
        switch (CometdDecision.Decide(reply))
        {
            case CometdAction.Proceed:
                _authFailures = 0;
                _handshakesInARow = 0;
                _backoff.Reset();
                if (reply.Channel == BayeuxChannels.Connect && reply.Advice?.Interval is { } interval && interval > TimeSpan.Zero)
                {
                    await Task.Delay(interval, time, ct).ConfigureAwait(false);
                }

                break;
            case CometdAction.Reauthenticate:
                // 401::Authentication invalid: the session was revoked or expired (reference §3.4); a new
                // token, then a new handshake (the old client id belonged to the old session).
                if (++_authFailures > options.MaxAuthenticationFailures)
                {
                    throw new CometdException($"Salesforce keeps refusing the session for streaming after new logins: {reply.Error}");
                }

                Log.StreamingSessionRenewed(log, channel, _lastHandled);
                _token = await tokens.RefreshAsync(_token!, ct).ConfigureAwait(false);
                _clientId = null;
                break;
            case CometdAction.Handshake:
                // 403::Unknown client: the server dropped our client and its subscriptions (reference §3.4).
                // A handshake straight away, but not a hot loop if the server keeps forgetting us.
                _clientId = null;
                Log.StreamingRehandshake(log, channel, reply.Error ?? "advice: handshake", _lastHandled);
                if (++_handshakesInARow > 1)
                {
                    await Task.Delay(_backoff.Next(), time, ct).ConfigureAwait(false);
                }

                break;
            case CometdAction.ReplayIdInvalid:
                // Outside retention (reference §3.4, §3.5): only the caller can choose -2 or -1.
                throw new ReplayIdInvalidException(channel, _lastHandled, reply.Error ?? "");
            default:
                throw new CometdException($"Salesforce refused {reply.Channel} on {channel}: {reply.Error ?? "asked not to reconnect"}");
        }
    }

    private async Task HandleEventsAsync(JsonElement messages, CancellationToken ct)
    {
        var events = messages.EnumerateArray()
            .Where(m => m.TryGetProperty("channel", out var c) && c.GetString() == channel)
            .Select(PlatformEventParser.Parse)
            .OfType<PlatformEvent>()
            .OrderBy(e => e.ReplayId)
            .ToList();
        foreach (var e in events)
        {
            if (_seen.IsDuplicate(e.EventUuid))
            {
                continue;
            }

            _handling = true;
            await handler(e, ct).ConfigureAwait(false);
            _seen.MarkHandled(e.EventUuid);
            _lastHandled = e.ReplayId;
            if (onHandled is not null)
            {
                await onHandled(e.ReplayId, ct).ConfigureAwait(false);
            }

            _handling = false;
        }
    }

    private async Task<JsonDocument> PostAsync(string body, TimeSpan timeout, CancellationToken ct)
    {
        var token = _token!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(token.InstanceUrl, "/cometd/" + apiVersion));
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // Some servers refuse at the HTTP level rather than in the Bayeux reply: the same meaning.
            return JsonDocument.Parse("""[{"channel":"/meta/connect","successful":false,"error":"401::Authentication invalid"}]""");
        }

        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            throw new HttpRequestException($"CometD answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new CometdException($"CometD answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var document = await JsonDocument.ParseAsync(stream, cancellationToken: linked.Token).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                document.Dispose();
                throw new HttpRequestException("CometD answered something other than a JSON array.");
            }

            return document;
        }
    }

    private static BayeuxReply Reply(JsonDocument document, string metaChannel)
    {
        using (document)
        {
            return Reply(document.RootElement, metaChannel);
        }
    }

    private static BayeuxReply Reply(JsonElement messages, string metaChannel)
    {
        foreach (var message in messages.EnumerateArray())
        {
            if (message.TryGetProperty("channel", out var c) && c.GetString() == metaChannel)
            {
                return BayeuxReply.Parse(message);
            }
        }

        // An HTTP-level 401 is turned into a connect reply above; treat it as the answer to any step.
        return messages.GetArrayLength() > 0 ? BayeuxReply.Parse(messages[0]) with { Channel = metaChannel } : throw new HttpRequestException($"CometD sent no reply on {metaChannel}.");
    }

    private static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        HttpRequestException or IOException or JsonException => true,
        OperationCanceledException => !ct.IsCancellationRequested,
        _ => false,
    };
}
