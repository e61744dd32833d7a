using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Store;

namespace Lightbridge.Emulators.Salesforce.Streaming;

/// <summary>
/// The Bayeux long-polling server behind <c>/cometd/NN.N</c> (reference section 3 and the section 7 checklist):
/// handshake, subscribe with the replay extension, connect held until an event or the timeout, unsubscribe, disconnect;
/// clients that stay away past the client timeout are forgotten with their subscriptions (<c>403::Unknown client</c>);
/// a revoked token gives <c>401::Authentication invalid</c> with <c>reconnect:none</c>.
/// </summary>
internal sealed class CometdServer
{
    private readonly EmulatorState _state;
    private readonly Dictionary<string, CometdClient> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public CometdServer(EmulatorState state)
    {
        _state = state;
    }

    public void DropAllClients()
    {
        lock (_gate)
        {
            _clients.Clear();
        }
    }

    /// <summary>Connects currently held waiting for events.</summary>
    public int HeldConnects
    {
        get
        {
            lock (_gate)
            {
                return _clients.Values.Count(c => c.Holding);
            }
        }
    }

    public int ClientCount
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Handles one POST body; <paramref name="browser"/> is the BAYEUX_BROWSER cookie (null when absent).</summary>
    public async Task<(JsonArray Replies, string? SetBrowser)> HandleAsync(JsonArray messages, bool authenticated, string? browser, CancellationToken ct)
    {
        var replies = new JsonArray();
        string? setBrowser = null;
        foreach (var message in messages.OfType<JsonObject>())
        {
            var channel = message["channel"]?.ToString() ?? "";
            if (channel == "/meta/handshake")
            {
                var (reply, cookie) = Handshake(message, authenticated);
                setBrowser = cookie ?? setBrowser;
                replies.Add(reply);
                continue;
            }

            var clientId = message["clientId"]?.ToString();
            if (!authenticated)
            {
                replies.Add(CometdMessages.Reply(message, clientId, false, "401::Authentication invalid", CometdMessages.Advice("none")));
                continue;
            }

            var client = Find(clientId);
            if (client is null)
            {
                replies.Add(CometdMessages.Reply(message, clientId, false, "403::Unknown client", CometdMessages.Advice("handshake")));
                continue;
            }

            if ((browser ?? setBrowser) != client.Browser)
            {
                // The wording Salesforce uses when a client drops the cookie (shared/reference/salesforce-api.md §3.1).
                replies.Add(CometdMessages.Reply(message, clientId, false, $"400::Client {clientId} has established a session, but no BAYEUX_BROWSER cookie present", CometdMessages.Advice("handshake")));
                continue;
            }

            switch (channel)
            {
                case "/meta/subscribe":
                    replies.Add(Subscribe(client, message));
                    break;
                case "/meta/unsubscribe":
                    lock (_gate)
                    {
                        client.Subscriptions.Remove(message["subscription"]?.ToString() ?? "");
                    }

                    replies.Add(CometdMessages.Reply(message, client.ClientId, true));
                    break;
                case "/meta/disconnect":
                    lock (_gate)
                    {
                        _clients.Remove(client.ClientId);
                    }

                    replies.Add(CometdMessages.Reply(message, client.ClientId, true));
                    break;
                case "/meta/connect":
                    foreach (var reply in await ConnectAsync(client, message, ct))
                    {
                        replies.Add(reply);
                    }

                    break;
                default:
                    replies.Add(CometdMessages.Reply(message, client.ClientId, false, $"400::Unknown channel {channel}"));
                    break;
            }

            lock (_gate)
            {
                client.LastSeen = _state.Time.GetUtcNow();
            }
        }

        return (replies, setBrowser);
    }

    private (JsonObject Reply, string? Browser) Handshake(JsonObject message, bool authenticated)
    {
        if (!authenticated)
        {
            var denied = CometdMessages.Reply(message, null, false, "403::Handshake denied", CometdMessages.Advice("none"));
            denied["ext"] = new JsonObject { ["sfdc"] = new JsonObject { ["failureReason"] = "401::Authentication invalid" } };
            return (denied, null);
        }

        var client = new CometdClient
        {
            ClientId = RandomNumberGenerator.GetHexString(32, lowercase: true),
            Browser = RandomNumberGenerator.GetHexString(24, lowercase: true),
            LastSeen = _state.Time.GetUtcNow(),
        };
        lock (_gate)
        {
            _clients[client.ClientId] = client;
        }

        var reply = CometdMessages.Reply(message, client.ClientId, true, advice: CometdMessages.Advice("retry", _state.Options.CometdConnectTimeout));
        reply["version"] = "1.0";
        reply["minimumVersion"] = "1.0";
        reply["supportedConnectionTypes"] = new JsonArray("long-polling");
        reply["ext"] = new JsonObject { ["replay"] = true, ["payload.format"] = true };
        return (reply, client.Browser);
    }

    private CometdClient? Find(string? clientId)
    {
        lock (_gate)
        {
            if (clientId is null || !_clients.TryGetValue(clientId, out var client))
            {
                return null;
            }

            if (!client.Holding && _state.Time.GetUtcNow() - client.LastSeen > _state.Options.CometdClientTimeout)
            {
                // Gone too long: the client and every subscription it had are forgotten.
                _clients.Remove(clientId);
                return null;
            }

            return client;
        }
    }

    private JsonObject Subscribe(CometdClient client, JsonObject message)
    {
        var channel = message["subscription"]?.ToString() ?? "";
        var definition = channel.StartsWith("/event/", StringComparison.Ordinal) ? _state.Schema.Find(channel["/event/".Length..]) : null;
        if (definition is null || definition.Kind != ObjectKind.PlatformEvent)
        {
            return CometdMessages.Reply(message, client.ClientId, false, $"400::The channel you requested to subscribe to does not exist {{{channel}}}");
        }

        var replay = message["ext"]?["replay"] as JsonObject;
        if (replay?[channel] is not JsonValue value || !value.TryGetValue<long>(out var replayId))
        {
            // The replay map must name this channel (reference section 6, EMP-Connector#41).
            return CometdMessages.Reply(message, client.ClientId, false, $"400::The replayId for channel {{{channel}}} wasn't found");
        }

        var retained = Retained(definition.Name);
        long cursor;
        if (replayId == -1)
        {
            cursor = _state.Events.LastReplayId;
        }
        else if (replayId == -2)
        {
            // Everything still retained, and everything published from now on: the retention window does the
            // filtering, so an event published while this subscribe is handled cannot fall between the two.
            cursor = 0;
        }
        else if (retained.Any(e => e.ReplayId == replayId) || replayId >= _state.Events.LastReplayId)
        {
            cursor = replayId;
        }
        else
        {
            return CometdMessages.Reply(message, client.ClientId, false,
                $"400::The replayId {{{replayId}}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.");
        }

        lock (_gate)
        {
            client.Subscriptions[channel] = cursor;
        }

        return CometdMessages.Reply(message, client.ClientId, true);
    }

    private async Task<List<JsonObject>> ConnectAsync(CometdClient client, JsonObject message, CancellationToken ct)
    {
        var events = Pending(client);
        // A client may ask for no hold (the CometD client sends advice.timeout 0 on its first connect).
        var noHold = message["advice"]?["timeout"] is JsonValue asked && asked.TryGetValue<long>(out var askedTimeout) && askedTimeout == 0;
        if (events.Count == 0 && !noHold)
        {
            lock (_gate)
            {
                client.Holding = true;
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var delay = Task.Delay(_state.Options.CometdConnectTimeout, _state.Time, timeout.Token);
                // Take the wake-up signal BEFORE looking for events: a publish landing between the look and
                // the wait would otherwise complete a signal nobody holds, and the connect would sleep to its timeout.
                var wake = _state.Events.NextPublish;
                events = Pending(client);
                while (events.Count == 0 && !delay.IsCompleted && !ct.IsCancellationRequested)
                {
                    // The delay is linked to the request, so an aborted request also ends the wait.
                    await Task.WhenAny(delay, wake);
                    wake = _state.Events.NextPublish;
                    events = Pending(client);
                }

                await timeout.CancelAsync();
            }
            finally
            {
                lock (_gate)
                {
                    client.Holding = false;
                }
            }
        }

        var replies = events.Select(e => CometdMessages.Event(e.Event, e.Definition, _state.UserId)).ToList();
        lock (_gate)
        {
            foreach (var (published, _) in events)
            {
                var channel = "/event/" + published.EventName;
                if (client.Subscriptions.TryGetValue(channel, out var cursor) && published.ReplayId > cursor)
                {
                    client.Subscriptions[channel] = published.ReplayId;
                }
            }
        }

        bool known;
        lock (_gate)
        {
            known = _clients.ContainsKey(client.ClientId);
        }

        if (!known)
        {
            replies.Add(CometdMessages.Reply(message, client.ClientId, false, "403::Unknown client", CometdMessages.Advice("handshake")));
            return replies;
        }

        replies.Add(CometdMessages.Reply(message, client.ClientId, true, advice: CometdMessages.Advice("retry", _state.Options.CometdConnectTimeout)));
        return replies;
    }

    /// <summary>Events past each subscription's cursor and inside the retention window, in replay order.</summary>
    private List<(PublishedEvent Event, ObjectDefinition Definition)> Pending(CometdClient client)
    {
        Dictionary<string, long> subscriptions;
        lock (_gate)
        {
            subscriptions = new Dictionary<string, long>(client.Subscriptions, StringComparer.Ordinal);
        }

        var oldest = _state.Time.GetUtcNow() - _state.Options.EventRetention;
        return _state.Events.Events
            .Where(e => e.CreatedDate >= oldest && subscriptions.TryGetValue("/event/" + e.EventName, out var cursor) && e.ReplayId > cursor)
            .OrderBy(e => e.ReplayId)
            .Select(e => (e, _state.Schema.Find(e.EventName)!))
            .ToList();
    }

    private List<PublishedEvent> Retained(string eventName)
    {
        var oldest = _state.Time.GetUtcNow() - _state.Options.EventRetention;
        return _state.Events.Events.Where(e => e.EventName == eventName && e.CreatedDate >= oldest).OrderBy(e => e.ReplayId).ToList();
    }
}
