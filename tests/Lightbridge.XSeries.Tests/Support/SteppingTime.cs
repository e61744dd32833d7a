using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.XSeries.Tests.Support;

/// <summary>
/// A fake clock that moves itself: every timer the client starts for a wait (pacing, <c>Retry-After</c>, back-off) is
/// recorded and the clock is advanced by exactly that much, so waits of any length pass at once and deterministically.
/// Timers longer than <see cref="StepLimit"/> (the per-request timeout) are left alone.
/// </summary>
internal sealed class SteppingTime : TimeProvider, IDisposable
{
    public static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(30);

    private readonly Channel<TimeSpan> _steps = Channel.CreateUnbounded<TimeSpan>();
    private readonly Task _pump;

    public SteppingTime(DateTimeOffset start)
    {
        Fake = new FakeTimeProvider(start);
        _pump = Task.Run(async () =>
        {
            await foreach (var step in _steps.Reader.ReadAllAsync())
            {
                Fake.Advance(step);
            }
        });
    }

    public FakeTimeProvider Fake { get; }

    /// <summary>Every wait the client started, in order.</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime <= StepLimit)
        {
            Waits.Enqueue(dueTime);
            _steps.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    public void Dispose()
    {
        _steps.Writer.TryComplete();
        _pump.Wait(TimeSpan.FromSeconds(15));
    }
}
