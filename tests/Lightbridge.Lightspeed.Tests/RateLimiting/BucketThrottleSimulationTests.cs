using Lightbridge.Lightspeed.RateLimiting;

namespace Lightbridge.Lightspeed.Tests.RateLimiting;

/// <summary>
/// Runs <see cref="BucketThrottle"/> against a simulated R-Series leaky bucket (shared/reference/lightspeed-api.md §5)
/// in virtual time: the decisions alone must keep a long pull free of 429s while using the drip rate.
/// </summary>
public sealed class BucketThrottleSimulationTests
{
    [TestCase(1, 1.0, 0.010)]
    [TestCase(4, 1.0, 0.050)]
    [TestCase(8, 1.5, 0.200)]
    public void LongPull_AtRealBucketParameters_NoOverflowAndAtLeast95PercentOfDrip(int callers, double cost, double latencySeconds)
    {
        var result = BucketSimulation.Run(callers, requests: 600, size: 90, drip: 1, cost, latencySeconds, burstLimit: 20, headroom: 3);
        TestContext.Out.WriteLine($"rejected={result.Rejected} maxPerWindow={result.MaxRequestsInOneSecondWindow} utilisation={result.SteadyDripUtilisation:P2}");

        Assert.That(result.Rejected, Is.Zero, "no request would have drawn a 429");
        Assert.That(result.MaxRequestsInOneSecondWindow, Is.LessThanOrEqualTo(20), "the burst limiter never trips");
        Assert.That(result.SteadyDripUtilisation, Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public void LongPull_TwoRegisters_UsesTheFasterDrip()
    {
        var result = BucketSimulation.Run(callers: 2, requests: 600, size: 100, drip: 1.5, cost: 1, latencySeconds: 0.02, burstLimit: 22, headroom: 3);

        Assert.That(result.Rejected, Is.Zero);
        Assert.That(result.SteadyDripUtilisation, Is.GreaterThanOrEqualTo(0.95));
    }

    /// <summary>A discrete-event simulation: callers loop reserve → send → server → response.</summary>
    private static class BucketSimulation
    {
        public static (int Rejected, int MaxRequestsInOneSecondWindow, double SteadyDripUtilisation) Run(
            int callers, int requests, double size, double drip, double cost, double latencySeconds, int burstLimit, double headroom)
        {
            var start = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);
            var throttle = new BucketThrottle(headroom);
            var events = new PriorityQueue<(int Caller, string Kind, double Booked), DateTimeOffset>();
            var waiting = new Queue<int>();
            var serverLevel = 0.0;
            var serverAt = start;
            var rejected = 0;
            var sent = 0;
            var windows = new Dictionary<long, int>();
            var arrivals = new List<DateTimeOffset>();
            DateTimeOffset? steadyFrom = null;

            for (var c = 0; c < callers; c++)
            {
                events.Enqueue((c, "ready", 0), start);
            }

            while (events.TryDequeue(out var e, out var now))
            {
                switch (e.Kind)
                {
                    case "ready":
                        if (sent >= requests)
                        {
                            break;
                        }

                        var delay = throttle.Reserve(cost, now);
                        if (delay is null)
                        {
                            waiting.Enqueue(e.Caller);
                            break;
                        }

                        sent++;
                        events.Enqueue((e.Caller, "arrive", cost), now + delay.Value + TimeSpan.FromSeconds(latencySeconds / 2));
                        break;

                    case "arrive":
                        serverLevel = Math.Max(0, serverLevel - (drip * (now - serverAt).TotalSeconds));
                        serverAt = now;
                        if (serverLevel + cost > size)
                        {
                            rejected++;
                        }

                        serverLevel += cost;
                        arrivals.Add(now);
                        var window = (long)Math.Floor((now - start).TotalSeconds);
                        windows[window] = windows.GetValueOrDefault(window) + 1;
                        if (steadyFrom is null && serverLevel >= size - headroom - (2 * cost))
                        {
                            steadyFrom = now;
                        }

                        events.Enqueue((e.Caller, "respond", serverLevel), now + TimeSpan.FromSeconds(latencySeconds / 2));
                        break;

                    case "respond":
                        throttle.Complete(cost, new BucketStatus(e.Booked, size, drip, cost, burstLimit), now);
                        events.Enqueue((e.Caller, "ready", 0), now);
                        while (waiting.TryDequeue(out var parked))
                        {
                            events.Enqueue((parked, "ready", 0), now);
                        }

                        break;
                }
            }

            var steady = arrivals.Where(a => a >= steadyFrom!.Value).ToList();
            var seconds = (steady[^1] - steady[0]).TotalSeconds;
            var utilisation = (steady.Count - 1) * cost / (seconds * drip);
            return (rejected, windows.Values.Max(), utilisation);
        }
    }
}
