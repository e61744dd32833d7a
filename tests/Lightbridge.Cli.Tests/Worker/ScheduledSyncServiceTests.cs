using System.Collections.Concurrent;
using System.Threading.Channels;
using Lightbridge.Cli.Worker;
using Lightbridge.Core.Failures;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Cli.Tests.Worker;

/// <summary>The schedule loop driven by a fake clock: which entity runs when, and never twice at once.</summary>
[TestFixture]
public sealed class ScheduledSyncServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 30, TimeSpan.Zero);

    [Test]
    public async Task ExecuteAsync_ClockReachesTheTicks_RunsEachEntityWhenDueInDependencyOrder()
    {
        using var time = new TimerWatchingTime(Start);
        using var runner = new RecordingRunner(time, holdRuns: false);
        using var notices = new ChangeNoticeSignal();
        using var service = new ScheduledSyncService(ScheduleBookTests.DefaultSchedules(), runner, notices, time, NullLogger<ScheduledSyncService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await time.NextTimerAsync();

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.That(await runner.NextStartAsync(), Is.EqualTo((SyncEntity.Item, Start.AddSeconds(30))));
        await time.NextTimerAsync();

        // 10:05:00: items and inventory are both due; the inventory waits for the items it references.
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.That(await runner.NextStartAsync(), Is.EqualTo((SyncEntity.Item, Start.AddMinutes(4.5))));
        Assert.That(await runner.NextStartAsync(), Is.EqualTo((SyncEntity.ItemShop, Start.AddMinutes(4.5))));

        await service.StopAsync(CancellationToken.None);
        Assert.That(runner.Runs.Select(r => r.Trigger), Is.All.EqualTo(RunTrigger.Schedule));
        Assert.That(runner.Runs.Select(r => r.Entity), Does.Not.Contain(SyncEntity.Customer), "the engine does not sync customers, so they are not scheduled");
    }

    [Test]
    public async Task ExecuteAsync_RunOutlastsItsTicks_NoSecondRunWhileItRuns_AndOneRunAfterIt()
    {
        using var time = new TimerWatchingTime(Start);
        using var runner = new RecordingRunner(time, holdRuns: true);
        using var notices = new ChangeNoticeSignal();
        using var service = new ScheduledSyncService(ScheduleBookTests.DefaultSchedules(), runner, notices, time, NullLogger<ScheduledSyncService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await time.NextTimerAsync();

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.That(await runner.NextStartAsync(), Is.EqualTo((SyncEntity.Item, Start.AddSeconds(30))));

        // Three more ticks pass while the first run is still going; then it ends and the loop waits for its next tick.
        time.Advance(TimeSpan.FromMinutes(3));
        runner.ReleaseOne();
        await time.NextTimerAsync();
        Assert.That(runner.MaxConcurrent, Is.EqualTo(1));

        // The next run starts at the first tick after the long run ended (10:05 also brings the inventory).
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await runner.NextStartAsync(), Is.EqualTo((SyncEntity.Item, Start.AddMinutes(4.5))));
        runner.ReleaseOne();
        Assert.That(await runner.NextStartAsync(), Is.EqualTo((SyncEntity.ItemShop, Start.AddMinutes(4.5))));
        runner.ReleaseOne();

        await service.StopAsync(CancellationToken.None);
        Assert.That(runner.Runs.Count(r => r.Entity == SyncEntity.Item), Is.EqualTo(2), "one run per tick reached, not one per tick missed");
    }

    [Test]
    public async Task ExecuteAsync_ChangeNoticed_RunsThatEntityAtOnceAsWebhook_AndTheScheduleGoesOn()
    {
        using var time = new TimerWatchingTime(Start);
        using var runner = new RecordingRunner(time, holdRuns: false);
        using var notices = new ChangeNoticeSignal();
        using var service = new ScheduledSyncService(ScheduleBookTests.DefaultSchedules(), runner, notices, time, NullLogger<ScheduledSyncService>.Instance);

        // Two notices for inventory and one for items before the first tick: one pass each, in dependency order,
        // with no clock move.
        notices.Notify(SyncEntity.ItemShop);
        notices.Notify(SyncEntity.ItemShop);
        notices.Notify(SyncEntity.Item);
        await service.StartAsync(CancellationToken.None);
        Assert.That(await runner.NextStartAsync(), Is.EqualTo((SyncEntity.Item, Start)));
        Assert.That(await runner.NextStartAsync(), Is.EqualTo((SyncEntity.ItemShop, Start)));

        // The schedule is untouched: items still run at their tick.
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.That(await runner.NextStartAsync(), Is.EqualTo((SyncEntity.Item, Start.AddSeconds(30))));

        await service.StopAsync(CancellationToken.None);
        Assert.That(runner.Runs.Where(r => r.Trigger == RunTrigger.Webhook).Select(r => r.Entity), Is.EquivalentTo(new[] { SyncEntity.Item, SyncEntity.ItemShop }));
        Assert.That(runner.Runs.Count(r => r.Trigger == RunTrigger.Schedule), Is.EqualTo(1));
    }

    /// <summary>
    /// A fake clock that says when a timer was created, so the test advances only once the loop is waiting
    /// (ExecuteAsync runs on the thread pool, so "started" does not mean "waiting").
    /// </summary>
    private sealed class TimerWatchingTime(DateTimeOffset start) : FakeTimeProvider(start), IDisposable
    {
        private readonly SemaphoreSlim _created = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _created.Release();
            return timer;
        }

        public async Task NextTimerAsync()
        {
            using var cts = new CancellationTokenSource(Timeout);
            await _created.WaitAsync(cts.Token);
        }

        public void Dispose() => _created.Dispose();
    }

    /// <summary>Records each run with the fake clock's time; optionally holds each run until released.</summary>
    private sealed class RecordingRunner(TimeProvider time, bool holdRuns) : IEntityRunner, IDisposable
    {
        private readonly Channel<(SyncEntity, DateTimeOffset)> _starts = Channel.CreateUnbounded<(SyncEntity, DateTimeOffset)>();
        private readonly SemaphoreSlim _release = new(0);
        private int _running;
        private int _maxConcurrent;

        public ConcurrentQueue<(SyncEntity Entity, RunTrigger Trigger)> Runs { get; } = new();

        public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

        public IReadOnlyList<SyncEntity> Entities { get; } = [SyncEntity.Shop, SyncEntity.Item, SyncEntity.ItemShop];

        public async Task<SyncRunResult> RunAsync(SyncEntity entity, RunTrigger trigger, CancellationToken ct)
        {
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _maxConcurrent, running);
            Runs.Enqueue((entity, trigger));
            _starts.Writer.TryWrite((entity, time.GetUtcNow()));
            try
            {
                if (holdRuns)
                {
                    await _release.WaitAsync(ct);
                }

                return new SyncRunResult(entity, "run", RunStatus.Succeeded, 0, 0, 0, 0, 0, 0, [], null, false, 0, 0);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        public async Task<(SyncEntity, DateTimeOffset)> NextStartAsync()
        {
            using var cts = new CancellationTokenSource(Timeout);
            return await _starts.Reader.ReadAsync(cts.Token);
        }

        public void ReleaseOne() => _release.Release();

        public void Dispose() => _release.Dispose();

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
