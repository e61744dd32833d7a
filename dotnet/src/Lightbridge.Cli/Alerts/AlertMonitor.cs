using Lightbridge.Cli.Status;
using Lightbridge.Core.Failures;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Cli.Alerts;

/// <summary>
/// Looks for alert conditions after every run of the worker (the run's own result, then queue depth, lag and API
/// usage from the state file and the Salesforce client) and sends each new one through the webhook, one per
/// condition per cool-down. Does nothing when no webhook is configured.
/// </summary>
internal sealed class AlertMonitor
{
    private readonly AlertSettings _settings;
    private readonly WebhookAlertSink? _sink;
    private readonly AlertCooldown _cooldown;
    private readonly StateStore _state;
    private readonly SalesforceClient _salesforce;
    private readonly TimeProvider _time;

    public AlertMonitor(AlertSettings settings, WebhookAlertSink? sink, StateStore state, SalesforceClient salesforce, TimeProvider time)
    {
        _settings = settings;
        _sink = sink;
        _cooldown = new AlertCooldown(settings.Cooldown);
        _state = state;
        _salesforce = salesforce;
        _time = time;
    }

    /// <summary>Checks after a finished run.</summary>
    public Task RunFinishedAsync(SyncRunResult result, CancellationToken ct) =>
        _sink is null ? Task.CompletedTask : SendAsync(AlertDetector.FromRun(result, _settings, _time.GetUtcNow()).Concat(FromState()), ct);

    /// <summary>Checks after a run that stopped with an error.</summary>
    public Task RunFailedAsync(SyncEntity entity, Exception error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(error);
        return _sink is null ? Task.CompletedTask : SendAsync(FromState().Prepend(AlertDetector.RunFailed(entity, error.Message, _time.GetUtcNow())), ct);
    }

    private IEnumerable<Alert> FromState() =>
        AlertDetector.FromStatus(StatusReportBuilder.Build(_state, _time), _salesforce.Statistics.LastApiUsage, _settings, _time.GetUtcNow());

    private async Task SendAsync(IEnumerable<Alert> alerts, CancellationToken ct)
    {
        foreach (var alert in alerts.ToList())
        {
            if (_cooldown.TryAcquire(alert.Key, alert.At))
            {
                await _sink!.SendAsync(alert, ct).ConfigureAwait(false);
            }
        }
    }
}
