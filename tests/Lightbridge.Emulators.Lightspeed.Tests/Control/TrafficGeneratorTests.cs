using Lightbridge.Emulators.Lightspeed.Control;
using Lightbridge.Emulators.Lightspeed.Data;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Emulators.Lightspeed.Tests.Control;

public sealed class TrafficGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Start_ClockJumpsBetweenReadingItAndArmingTheTimer_CatchesUpWithoutAnotherTick()
    {
        // The jump lands right after the loop's first read of the clock, so the timer it then arms counts its one-second
        // gap from the advanced clock and would first fire a second after the jump. Nothing advances the clock again:
        // only the re-read after arming brings the minute's sales in.
        var clock = new JumpingClock(Start, jumpAfterRead: 2, TimeSpan.FromMinutes(1));
        var store = Seeded();
        var before = store.Sales.Count;
        await using var traffic = new TrafficGenerator(new StoreMutator(store, clock), clock);

        traffic.Start(salesPerMinute: 60, editsPerMinute: 30);
        var status = await WaitForAsync(traffic, sales: 60, edits: 30);
        traffic.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(status.SalesAdded, Is.EqualTo(60));
            Assert.That(status.CustomersEdited, Is.EqualTo(30));
            Assert.That(store.Sales.Count, Is.EqualTo(before + 60));
            Assert.That(traffic.Status.Running, Is.False);
        });
    }

    [Test]
    public async Task Start_ClockAdvancedWhileTheTimerWaits_FiresOnceThePaceAllows()
    {
        var clock = new FakeTimeProvider(Start);
        var store = Seeded();
        await using var traffic = new TrafficGenerator(new StoreMutator(store, clock), clock);

        traffic.Start(salesPerMinute: 6, editsPerMinute: 0);
        clock.Advance(TimeSpan.FromSeconds(30));
        var status = await WaitForAsync(traffic, sales: 3, edits: 0);
        clock.Advance(TimeSpan.FromSeconds(9));
        var unchanged = traffic.Status.SalesAdded;
        traffic.Stop();

        Assert.That(status.SalesAdded, Is.EqualTo(3), "one every ten seconds");
        Assert.That(unchanged, Is.EqualTo(3), "the fourth is due at 40 s, not 39 s");
    }

    private static EmulatorStore Seeded()
    {
        var store = new EmulatorStore();
        new DataGenerator(new DataSize(5, 2, 40, 30, 20), Start).Fill(store);
        return store;
    }

    /// <summary>Waits (bounded by wall time) for the generator's own thread to reach the counts.</summary>
    private static async Task<TrafficStatus> WaitForAsync(TrafficGenerator traffic, long sales, long edits)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        var status = traffic.Status;
        while ((status.SalesAdded < sales || status.CustomersEdited < edits) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
            status = traffic.Status;
        }

        return status;
    }

    /// <summary>A fake clock that jumps forward right after its Nth read, as a concurrent advance would.</summary>
    private sealed class JumpingClock(DateTimeOffset start, int jumpAfterRead, TimeSpan jump) : TimeProvider
    {
        private readonly FakeTimeProvider _inner = new(start);
        private int _reads;

        public override DateTimeOffset GetUtcNow()
        {
            var now = _inner.GetUtcNow();
            if (Interlocked.Increment(ref _reads) == jumpAfterRead)
            {
                _inner.Advance(jump);
            }

            return now;
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            _inner.CreateTimer(callback, state, dueTime, period);
    }
}
