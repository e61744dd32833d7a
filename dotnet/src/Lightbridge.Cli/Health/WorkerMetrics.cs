using Lightbridge.Cli.Status;
using Lightbridge.Core.Failures;
using Lightbridge.Sync.Sources;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;
using Prometheus;

namespace Lightbridge.Cli.Health;

/// <summary>
/// The worker's metrics in Prometheus form, on a registry of its own (no process or runtime collectors, so the
/// page holds only what Lightbridge means). Run counters move as runs finish; lag, queue depth, resync jobs and API
/// calls are read from the state file and the clients when the page is scraped.
/// </summary>
internal sealed class WorkerMetrics
{
    private readonly Counter _read;
    private readonly Counter _written;
    private readonly Counter _failed;
    private readonly Counter _runs;
    private readonly Gauge _lastRunSuccess;
    private readonly Gauge _lastRunFinished;
    private readonly Counter _resyncEvents;
    private readonly Counter _resyncJobsFinished;
    private readonly TimeProvider _time;

    public WorkerMetrics(TimeProvider time)
    {
        _time = time;
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _read = factory.CreateCounter("lightbridge_records_read_total", "Records read from Lightspeed, per entity.", "entity");
        _written = factory.CreateCounter("lightbridge_records_written_total", "Records created or updated in Salesforce, per entity.", "entity");
        _failed = factory.CreateCounter("lightbridge_records_failed_total", "Records that failed and went to the replay queue, per entity.", "entity");
        _runs = factory.CreateCounter("lightbridge_runs_total", "Finished runs, per entity and outcome.", "entity", "status");
        _lastRunSuccess = factory.CreateGauge("lightbridge_last_run_success", "1 when the entity's last run succeeded, 0 when it failed or left records failed.", "entity");
        _lastRunFinished = factory.CreateGauge("lightbridge_last_run_finished_timestamp_seconds", "When the entity's last run finished (Unix seconds).", "entity");
        _resyncEvents = factory.CreateCounter("lightbridge_resync_events_total", "Resync request events received.");
        _resyncJobsFinished = factory.CreateCounter("lightbridge_resync_jobs_finished_total", "Resync jobs finished, per outcome.", "outcome");
        Lag = factory.CreateGauge("lightbridge_lag_seconds", "Seconds between now and the entity's checkpoint.", "entity");
        QueueDepth = factory.CreateGauge("lightbridge_replay_queue_depth", "Records waiting in the replay queue, per entity.", "entity");
        ResyncJobs = factory.CreateGauge("lightbridge_resync_jobs", "Resync jobs in the state file, per status.", "status");
        ApiCalls = factory.CreateCounter("lightbridge_api_calls_total", "API calls made by this worker since it started, per system.", "system");
        LightspeedRateLimited = factory.CreateCounter("lightbridge_lightspeed_rate_limited_total", "Lightspeed 429 responses (bucket or burst) since the worker started.");
        LightspeedBucket = factory.CreateGauge("lightbridge_lightspeed_bucket", "The Lightspeed leaky bucket as the last response reported it: its level and its size.", "measure");
        ApiUsageToday = factory.CreateGauge("lightbridge_api_usage_today", "API calls recorded in the state file today, per system (all processes).", "system");
    }

    /// <summary>The registry the <c>/metrics</c> page exports.</summary>
    public CollectorRegistry Registry { get; }

    private Gauge Lag { get; }

    private Gauge QueueDepth { get; }

    private Gauge ResyncJobs { get; }

    private Counter ApiCalls { get; }

    private Counter LightspeedRateLimited { get; }

    private Gauge LightspeedBucket { get; }

    private Gauge ApiUsageToday { get; }

    /// <summary>Counts a finished run.</summary>
    public void RunFinished(SyncRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var entity = result.Entity.ToString();
        _read.WithLabels(entity).Inc(result.Read);
        _written.WithLabels(entity).Inc(result.Written);
        _failed.WithLabels(entity).Inc(result.Failed);
        _runs.WithLabels(entity, result.Status.ToString()).Inc();
        _lastRunSuccess.WithLabels(entity).Set(result.Status == RunStatus.Succeeded ? 1 : 0);
        _lastRunFinished.WithLabels(entity).Set(_time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
    }

    /// <summary>Counts a run that stopped with an error.</summary>
    public void RunFailed(SyncEntity entity)
    {
        _runs.WithLabels(entity.ToString(), RunStatus.Failed.ToString()).Inc();
        _lastRunSuccess.WithLabels(entity.ToString()).Set(0);
        _lastRunFinished.WithLabels(entity.ToString()).Set(_time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
    }

    /// <summary>Counts a received resync event.</summary>
    public void ResyncEventReceived() => _resyncEvents.Inc();

    /// <summary>Counts a finished resync job.</summary>
    public void ResyncJobFinished(bool succeeded) => _resyncJobsFinished.WithLabels(succeeded ? "done" : "failed").Inc();

    /// <summary>Refreshes the gauges read from the state file and the clients; called before each scrape.</summary>
    public void Refresh(StatusReport report, IReadOnlyDictionary<ResyncJobStatus, int> jobs, IReadOnlyList<ISourceReader> lightspeed, SalesforceClient salesforce)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(lightspeed);
        ArgumentNullException.ThrowIfNull(salesforce);
        foreach (var checkpoint in report.Checkpoints)
        {
            Lag.WithLabels(checkpoint.Entity).Set(checkpoint.Lag.TotalSeconds);
        }

        // An entity whose queue emptied reads 0, not its last non-zero depth.
        foreach (var checkpoint in report.Checkpoints)
        {
            QueueDepth.WithLabels(checkpoint.Entity).Set(0);
        }

        foreach (var entity in report.Queue.GroupBy(q => q.Entity))
        {
            QueueDepth.WithLabels(entity.Key).Set(entity.Sum(q => q.Count));
        }

        foreach (var (status, count) in jobs)
        {
            ResyncJobs.WithLabels(status.ToString().ToLowerInvariant()).Set(count);
        }

        ApiCalls.WithLabels("lightspeed").IncTo(lightspeed.Sum(l => l.RequestsSent));
        ApiCalls.WithLabels("salesforce").IncTo(salesforce.Statistics.TotalApiCalls);
        LightspeedRateLimited.IncTo(lightspeed.Sum(l => l.RateLimitedResponses));

        // The leaky bucket is R-Series's; X-Series counts requests per window instead.
        if (lightspeed.OfType<RSeriesReader>().FirstOrDefault() is { Client.Statistics.LastBucket: { } bucket })
        {
            LightspeedBucket.WithLabels("level").Set(bucket.Level);
            LightspeedBucket.WithLabels("size").Set(bucket.Size);
        }

        ApiUsageToday.WithLabels("lightspeed").Set(report.ApiUsageToday.LightspeedRequests);
        ApiUsageToday.WithLabels("salesforce").Set(report.ApiUsageToday.SalesforceCalls);
    }
}
