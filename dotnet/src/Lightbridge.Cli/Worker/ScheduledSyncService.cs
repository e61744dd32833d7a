using Lightbridge.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// Runs each entity on its cron schedule. Entities due together run in dependency order; a run that fails is
/// logged and the schedule goes on (the next tick retries from the checkpoint). On shutdown the run in hand is
/// cancelled between or during calls and keeps its last committed batch.
/// </summary>
internal sealed partial class ScheduledSyncService : BackgroundService
{
    private readonly IReadOnlyList<EntitySchedule> _schedules;
    private readonly IEntityRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger<ScheduledSyncService> _log;

    public ScheduledSyncService(IReadOnlyList<EntitySchedule> schedules, IEntityRunner runner, TimeProvider time, ILogger<ScheduledSyncService> log)
    {
        _schedules = schedules;
        _runner = runner;
        _time = time;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only the entities this build syncs are scheduled; the others are named once so the operator knows.
        var runnable = _schedules.Where(s => _runner.Entities.Contains(s.Entity)).ToList();
        foreach (var skipped in _schedules.Except(runnable))
        {
            LogNotSynced(skipped.Entity, skipped.Setting);
        }

        var book = new ScheduleBook(runnable, _runner.Entities, _time.GetUtcNow());
        foreach (var schedule in runnable)
        {
            var nextRun = book.NextOf(schedule.Entity);
            LogScheduled(schedule.Entity, schedule.Expression, nextRun);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (book.NextDue is not { } next)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, stoppingToken).ConfigureAwait(false);
                continue;
            }

            var wait = next - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
            }

            foreach (var entity in book.TakeDue(_time.GetUtcNow()))
            {
                try
                {
                    await _runner.RunAsync(entity, RunTrigger.Schedule, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // SyncLane logged it with its details; the schedule itself goes on.
                    LogTickFailed(entity, book.NextOf(entity));
                }

                book.RunFinished(entity, _time.GetUtcNow());
            }
        }
    }

    [LoggerMessage(EventId = 6101, EventName = "ScheduleStarted", Level = LogLevel.Information,
        Message = "{Entity} runs on '{Cron}' (UTC); next at {NextRun}")]
    private partial void LogScheduled(Lightbridge.Core.Failures.SyncEntity entity, string cron, DateTimeOffset? nextRun);

    [LoggerMessage(EventId = 6102, EventName = "ScheduleNotSynced", Level = LogLevel.Information,
        Message = "{Entity} has a schedule ({Setting}) but this version does not sync it yet")]
    private partial void LogNotSynced(Lightbridge.Core.Failures.SyncEntity entity, string setting);

    [LoggerMessage(EventId = 6103, EventName = "ScheduledRunFailed", Level = LogLevel.Warning,
        Message = "The scheduled {Entity} run failed; the schedule goes on, next at {NextRun}")]
    private partial void LogTickFailed(Lightbridge.Core.Failures.SyncEntity entity, DateTimeOffset? nextRun);
}
