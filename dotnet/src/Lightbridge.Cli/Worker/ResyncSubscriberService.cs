using Lightbridge.Cli.Health;
using Lightbridge.Salesforce;
using Lightbridge.Salesforce.Streaming;
using Lightbridge.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// Listens on <c>/event/Lightspeed_Resync_Request__e</c> and turns each request into a durable resync job. The job
/// and the event's replay id are stored in one transaction, so after a restart the worker resumes right after the
/// last request it queued: none is lost, none is queued twice.
/// </summary>
/// <remarks>
/// The very first start (no stored replay id) subscribes from -2, every retained event: a request made while the
/// worker was being installed is not lost, and a resync is idempotent, so replaying an old one costs API calls but
/// writes nothing wrong. A stored id outside retention falls back to -2 for the same reason. The subscriber itself
/// recovers from dropped clients, expired sessions and network errors; anything it gives up on restarts the
/// subscription after a pause.
/// </remarks>
internal sealed partial class ResyncSubscriberService : BackgroundService
{
    /// <summary>The replay id of the first subscription: every retained event.</summary>
    public const long FirstReplayFrom = -2;

    private static readonly TimeSpan RestartPause = TimeSpan.FromSeconds(5);

    private readonly SalesforceClient _salesforce;
    private readonly StateStore _state;
    private readonly ResyncJobSignal _signal;
    private readonly WorkerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ResyncSubscriberService> _log;

    public ResyncSubscriberService(SalesforceClient salesforce, StateStore state, ResyncJobSignal signal, WorkerMetrics metrics, TimeProvider time, ILogger<ResyncSubscriberService> log)
    {
        _salesforce = salesforce;
        _state = state;
        _signal = signal;
        _metrics = metrics;
        _time = time;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = _salesforce.CreateSubscriber(_time);
        while (!stoppingToken.IsCancellationRequested)
        {
            var replayFrom = _state.EventReplayIds.Get(ResyncEventParser.Channel)?.ReplayId ?? FirstReplayFrom;
            LogSubscribing(ResyncEventParser.Channel, replayFrom);
            try
            {
                await subscriber.SubscribeAsync(ResyncEventParser.Channel, replayFrom, HandleAsync, onHandled: null, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ReplayIdInvalidException)
            {
                LogReplayIdExpired(replayFrom);
                _state.EventReplayIds.Set(ResyncEventParser.Channel, FirstReplayFrom);
                continue;
            }
            catch (Exception ex) when (ex is CometdException or SalesforceApiException or HttpRequestException)
            {
                LogSubscriptionLost(ex, RestartPause);
            }

            await Task.Delay(RestartPause, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    private Task HandleAsync(PlatformEvent received, CancellationToken ct)
    {
        _metrics.ResyncEventReceived();
        if (!ResyncEventParser.TryParse(received.Payload, out var request, out var problem))
        {
            // Nothing to make durable: remember the id so the bad request is not read again, and say why it was refused.
            _state.EventReplayIds.Set(received.Channel, received.ReplayId);
            LogRequestRefused(received.ReplayId, problem);
            return Task.CompletedTask;
        }

        var job = _state.ResyncJobs.EnqueueFromEvent(received.Channel, received.ReplayId, request);
        LogRequestQueued(job.Id, request.Scope, request.LightspeedId?.Value, request.From, request.To, received.ReplayId);
        _signal.Notify();
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 6201, EventName = "ResyncSubscribing", Level = LogLevel.Information,
        Message = "Listening for resync requests on {Channel} from replay id {ReplayFrom}")]
    private partial void LogSubscribing(string channel, long replayFrom);

    [LoggerMessage(EventId = 6202, EventName = "ResyncRequestQueued", Level = LogLevel.Information,
        Message = "Resync job {JobId} queued: {Scope} {LightspeedId} from {From} to {To} (replay id {ReplayId})")]
    private partial void LogRequestQueued(long jobId, ResyncScope scope, string? lightspeedId, DateTimeOffset? from, DateTimeOffset? to, long replayId);

    [LoggerMessage(EventId = 6203, EventName = "ResyncRequestRefused", Level = LogLevel.Warning,
        Message = "Resync request with replay id {ReplayId} refused: {Problem}")]
    private partial void LogRequestRefused(long replayId, string problem);

    [LoggerMessage(EventId = 6204, EventName = "ResyncReplayIdExpired", Level = LogLevel.Warning,
        Message = "The stored replay id {ReplayId} is outside the event retention; resubscribing from every retained event")]
    private partial void LogReplayIdExpired(long replayId);

    [LoggerMessage(EventId = 6205, EventName = "ResyncSubscriptionLost", Level = LogLevel.Error,
        Message = "The resync subscription stopped; subscribing again in {Pause}")]
    private partial void LogSubscriptionLost(Exception exception, TimeSpan pause);
}
