using Lightbridge.Cli.Health;
using Lightbridge.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// Runs queued resync jobs, oldest first, through <see cref="IResyncExecutor"/>. Jobs left running by a process
/// that died are queued again at start. A job interrupted by shutdown stays running and is requeued at the next
/// start; a job that throws is marked failed with the reason.
/// </summary>
internal sealed partial class ResyncJobRunnerService : BackgroundService
{
    /// <summary>How often the queue is looked at without a wake-up (jobs queued by an operator, not by an event).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    private readonly StateStore _state;
    private readonly IResyncExecutor _executor;
    private readonly ResyncJobSignal _signal;
    private readonly WorkerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ResyncJobRunnerService> _log;

    public ResyncJobRunnerService(StateStore state, IResyncExecutor executor, ResyncJobSignal signal, WorkerMetrics metrics, TimeProvider time, ILogger<ResyncJobRunnerService> log)
    {
        _state = state;
        _executor = executor;
        _signal = signal;
        _metrics = metrics;
        _time = time;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requeued = _state.ResyncJobs.RequeueInterrupted();
        if (requeued > 0)
        {
            LogRequeued(requeued);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            while (_state.ResyncJobs.TakeNext() is { } job)
            {
                LogJobStarted(job.Id, job.Request.Scope, job.Request.LightspeedId?.Value, job.Attempts);
                try
                {
                    await _executor.ExecuteAsync(job, stoppingToken).ConfigureAwait(false);
                    if (stoppingToken.IsCancellationRequested)
                    {
                        // Its runs stopped after their batch in hand: not done. RequeueInterrupted takes it back at the
                        // next start, and the window's own checkpoint resumes it.
                        return;
                    }

                    _state.ResyncJobs.MarkDone(job.Id);
                    _metrics.ResyncJobFinished(succeeded: true);
                    LogJobDone(job.Id, job.Request.Scope);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Left running on purpose: RequeueInterrupted takes it back at the next start.
                    return;
                }
                catch (Exception ex)
                {
                    _state.ResyncJobs.MarkFailed(job.Id, ex.Message);
                    _metrics.ResyncJobFinished(succeeded: false);
                    LogJobFailed(ex, job.Id, job.Request.Scope);
                }
            }

            await _signal.WaitAsync(PollInterval, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 6301, EventName = "ResyncJobsRequeued", Level = LogLevel.Information,
        Message = "{Count} resync jobs interrupted by the last shutdown are queued again")]
    private partial void LogRequeued(int count);

    [LoggerMessage(EventId = 6302, EventName = "ResyncJobStarted", Level = LogLevel.Information,
        Message = "Resync job {JobId} started: {Scope} {LightspeedId} (attempt {Attempt})")]
    private partial void LogJobStarted(long jobId, ResyncScope scope, string? lightspeedId, int attempt);

    [LoggerMessage(EventId = 6303, EventName = "ResyncJobDone", Level = LogLevel.Information,
        Message = "Resync job {JobId} ({Scope}) done")]
    private partial void LogJobDone(long jobId, ResyncScope scope);

    [LoggerMessage(EventId = 6304, EventName = "ResyncJobFailed", Level = LogLevel.Error,
        Message = "Resync job {JobId} ({Scope}) failed")]
    private partial void LogJobFailed(Exception exception, long jobId, ResyncScope scope);
}
