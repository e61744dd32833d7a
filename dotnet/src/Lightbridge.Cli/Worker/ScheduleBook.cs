using Lightbridge.Core.Failures;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// Which entity is due when: the next occurrence of every schedule. Pure and clock-free (the caller passes
/// "now"), so the rules are tested without waiting: an entity whose run outlasted several of its ticks runs again
/// at its first tick after the run ended, not once per missed tick (the incremental pass already covered them).
/// </summary>
internal sealed class ScheduleBook
{
    private readonly Dictionary<SyncEntity, (EntitySchedule Schedule, DateTimeOffset? Next)> _entries = [];
    private readonly IReadOnlyList<SyncEntity> _order;

    /// <param name="schedules">The schedules in force.</param>
    /// <param name="order">The dependency order in which entities due together run.</param>
    /// <param name="start">When the book starts: the first occurrences come after it.</param>
    public ScheduleBook(IEnumerable<EntitySchedule> schedules, IReadOnlyList<SyncEntity> order, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        _order = order;
        foreach (var schedule in schedules)
        {
            _entries[schedule.Entity] = (schedule, schedule.NextAfter(start));
        }
    }

    /// <summary>The earliest next occurrence, or null when nothing is scheduled.</summary>
    public DateTimeOffset? NextDue => _entries.Values.Select(e => e.Next).Where(n => n is not null).Min();

    /// <summary>The next occurrence of one entity, or null.</summary>
    public DateTimeOffset? NextOf(SyncEntity entity) => _entries.TryGetValue(entity, out var entry) ? entry.Next : null;

    /// <summary>
    /// The entities due at <paramref name="now"/>, in dependency order; their next occurrences move past
    /// <paramref name="now"/>.
    /// </summary>
    public IReadOnlyList<SyncEntity> TakeDue(DateTimeOffset now)
    {
        var due = _entries.Where(e => e.Value.Next is { } next && next <= now).Select(e => e.Key).ToList();
        foreach (var entity in due)
        {
            var schedule = _entries[entity].Schedule;
            _entries[entity] = (schedule, schedule.NextAfter(now));
        }

        return due.OrderBy(e => _order.Contains(e) ? _order.ToList().IndexOf(e) : int.MaxValue).ThenBy(e => e).ToList();
    }

    /// <summary>Moves an entity's next occurrence past <paramref name="finishedAt"/>: a run that overran its ticks runs once, not once per tick.</summary>
    public void RunFinished(SyncEntity entity, DateTimeOffset finishedAt)
    {
        if (_entries.TryGetValue(entity, out var entry) && entry.Next is { } next && next <= finishedAt)
        {
            _entries[entity] = (entry.Schedule, entry.Schedule.NextAfter(finishedAt));
        }
    }
}
