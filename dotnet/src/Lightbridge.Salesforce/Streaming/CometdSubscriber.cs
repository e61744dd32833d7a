using System.Net;
using Lightbridge.Salesforce.Auth;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Salesforce.Streaming;

/// <summary>
/// Subscribes to one platform-event channel over CometD long polling at <c>{instance}/cometd/{version}</c>
/// (shared/reference/salesforce-api.md §3): handshake with the replay extension, subscribe from a replay id,
/// then a connect loop that follows the server's advice. Each delivered event is handed to the caller's handler
/// and awaited; only then is its replay id reported, so a caller that persists it durably resumes without loss.
/// Recovers by itself from <c>403::Unknown client</c> (re-handshake, resubscribe from the last handled id),
/// <c>401::Authentication invalid</c> (new token, re-handshake) and network errors (jittered back-off). Create
/// one through <see cref="SalesforceClient.CreateSubscriber"/>.
/// </summary>
public sealed class CometdSubscriber
{
    private readonly SalesforceTokenManager _tokens;
    private readonly string _apiVersion;
    private readonly TimeProvider _time;
    private readonly CometdSubscriberOptions _options;
    private readonly ILogger _log;

    internal CometdSubscriber(SalesforceTokenManager tokens, string apiVersion, TimeProvider time, CometdSubscriberOptions options, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _tokens = tokens;
        _apiVersion = apiVersion;
        _time = time;
        _options = options;
        _log = log;
    }

    /// <summary>Lets tests put a handler in front of the socket (to inject network failures); the cookie jar stays inside.</summary>
    internal Func<HttpMessageHandler, HttpMessageHandler>? WrapHandler { get; set; }

    /// <summary>
    /// Receives events of <paramref name="channel"/> until <paramref name="ct"/> is cancelled (then disconnects and
    /// throws <see cref="OperationCanceledException"/>). Events of one response are handled in replay order, one
    /// at a time; an event whose EventUuid was already handled is skipped.
    /// </summary>
    /// <param name="channel">The channel, e.g. <c>/event/Name__e</c> (case-sensitive).</param>
    /// <param name="replayFrom">
    /// -1 for new events only, -2 for all retained, or the last replay id handled. With -1, a re-handshake before
    /// any event was handled subscribes from -1 again, so events published during the gap are missed: a caller
    /// that cannot afford that starts from a stored id (or -2) instead.
    /// </param>
    /// <param name="handler">Handles one event. If it throws, the exception ends the subscription and that event's replay id is not reported.</param>
    /// <param name="onHandled">Told each replay id once its event was handled: persist it to resume from.</param>
    /// <param name="ct">Stops the subscription.</param>
    /// <exception cref="ReplayIdInvalidException"><paramref name="replayFrom"/> is outside retention: resubscribe from -2 or -1.</exception>
    /// <exception cref="CometdException">The server refused the channel or the session for good.</exception>
    public async Task SubscribeAsync(
        string channel,
        long replayFrom,
        Func<PlatformEvent, CancellationToken, Task> handler,
        Func<long, CancellationToken, Task>? onHandled,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(handler);

        // A handler of our own with a cookie jar: the BAYEUX_BROWSER cookie set at handshake must come back on
        // every later request (reference §3.1), and the shared client's handler may not keep cookies.
        using var socket = new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(WrapHandler?.Invoke(socket) ?? socket) { Timeout = Timeout.InfiniteTimeSpan };
        var run = new CometdRun(_tokens, _apiVersion, _time, _options, http, channel, replayFrom, handler, onHandled, _log);
        try
        {
            await run.LoopAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await run.DisconnectAsync().ConfigureAwait(false);
        }
    }
}
