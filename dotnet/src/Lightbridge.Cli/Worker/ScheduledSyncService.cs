using Lightbridge.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// Runs each entity on its cron schedule. Entities due together run in dependency order; a run that fails is
/// logged and the schedule goes on (the next tick retries from the checkpoint). On shutdown the run in hand is
/// cancelled between or during calls and keeps its last committed batch. A change notice (an X-Series webhook) wakes it
/// early for an incremental pass of the entity noticed, logged with trigger Webhook; the schedule still runs, and its
/// polls catch every change whose notice was lost.
/// </summary>
internal sealed partial class ScheduledSyncService : BackgroundService
{
    private readonly IReadOnlyList<EntitySchedule> _schedules;
    private readonly IEntityRunner _runner;
    private readonly ChangeNoticeSignal _notices;
    private readonly TimeProvider _time;
    private readonly ILogger<ScheduledSyncService> _log;

    public ScheduledSyncService(
        IReadOnlyList<EntitySchedule> schedules, IEntityRunner runner, ChangeNoticeSignal notices, TimeProvider time, ILogger<ScheduledSyncService> log)
    {
        _schedules = schedules;
        _runner = runner;
        _notices = notices;
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
            var wait = book.NextDue is { } next ? next - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
            await _notices.WaitAsync(wait, _time, stoppingToken).ConfigureAwait(false);

            // Noticed entities first, in dependency order; an entity also due now runs once, as scheduled.
            var due = book.TakeDue(_time.GetUtcNow()).ToList();
            var noticed = _notices.Take().Where(e => _runner.Entities.Contains(e) && !due.Contains(e)).ToHashSet();
            foreach (var entity in _runner.Entities.Where(noticed.Contains))
            {
                await RunAsync(entity, RunTrigger.Webhook, book, stoppingToken).ConfigureAwait(false);
            }

            foreach (var entity in due)
            {
                await RunAsync(entity, RunTrigger.Schedule, book, stoppingToken).ConfigureAwait(false);
                book.RunFinished(entity, _time.GetUtcNow());
            }
        }
    }

    private async Task RunAsync(Lightbridge.Core.Failures.SyncEntity entity, RunTrigger trigger, ScheduleBook book, CancellationToken stoppingToken)
    {
        try
        {
            await _runner.RunAsync(entity, trigger, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // SyncLane logged it with its details; the schedule itself goes on.
            LogTickFailed(entity, book.NextOf(entity));
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
