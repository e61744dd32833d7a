using System.Globalization;
using Lightbridge.Cli.Status;
using Lightbridge.Core.Failures;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Cli.Alerts;

/// <summary>Which alert conditions hold, from a run's result and the status of the state file. Pure.</summary>
internal static class AlertDetector
{
    /// <summary>A run that stopped with an error.</summary>
    public static Alert RunFailed(SyncEntity entity, string reason, DateTimeOffset now) =>
        new(AlertCondition.RunFailed, entity.ToString(), $"Lightbridge: the {entity} run failed: {reason}", 1, 0, now);

    /// <summary>A finished run whose share of failed records passed the threshold.</summary>
    public static IEnumerable<Alert> FromRun(SyncRunResult result, AlertSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        if (result.Status == Lightbridge.State.RunStatus.Failed)
        {
            yield return RunFailed(result.Entity, $"run {result.RunId} ended Failed", now);
        }

        var attempted = result.Read - result.Skipped;
        if (attempted > 0 && result.Failed > 0)
        {
            var rate = (double)result.Failed / attempted;
            if (rate > settings.ErrorRateThreshold)
            {
                yield return new Alert(AlertCondition.ErrorRate, result.Entity.ToString(),
                    string.Create(CultureInfo.InvariantCulture, $"Lightbridge: {result.Failed} of {attempted} {result.Entity} records failed in run {result.RunId} ({rate:P1}, threshold {settings.ErrorRateThreshold:P1})."),
                    rate, settings.ErrorRateThreshold, now);
            }
        }
    }

    /// <summary>Queue depth, lag per entity and Salesforce API usage against their thresholds.</summary>
    public static IEnumerable<Alert> FromStatus(StatusReport report, ApiUsage? usage, AlertSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        if (report.QueueDepth > settings.QueueDepthThreshold)
        {
            yield return new Alert(AlertCondition.QueueDepth, null,
                string.Create(CultureInfo.InvariantCulture, $"Lightbridge: {report.QueueDepth} records wait in the replay queue (threshold {settings.QueueDepthThreshold})."),
                report.QueueDepth, settings.QueueDepthThreshold, now);
        }

        foreach (var checkpoint in report.Checkpoints.Where(c => c.Lag.TotalSeconds > settings.LagThresholdSeconds))
        {
            yield return new Alert(AlertCondition.Lag, checkpoint.Entity,
                string.Create(CultureInfo.InvariantCulture, $"Lightbridge: {checkpoint.Entity} is {checkpoint.Lag.TotalMinutes:F0} minutes behind Lightspeed (threshold {settings.LagThresholdSeconds / 60:F0} minutes)."),
                checkpoint.Lag.TotalSeconds, settings.LagThresholdSeconds, now);
        }

        if (usage is { Max: > 0 } && (double)usage.Used / usage.Max > settings.ApiUsageThreshold)
        {
            var share = (double)usage.Used / usage.Max;
            yield return new Alert(AlertCondition.ApiUsage, null,
                string.Create(CultureInfo.InvariantCulture, $"Lightbridge: Salesforce API usage today is {usage.Used} of {usage.Max} ({share:P0}, threshold {settings.ApiUsageThreshold:P0})."),
                share, settings.ApiUsageThreshold, now);
        }
    }
}
