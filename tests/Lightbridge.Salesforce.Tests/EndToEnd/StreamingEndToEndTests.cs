using System.Threading.Channels;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Salesforce.Streaming;
using static Lightbridge.Salesforce.Tests.EndToEnd.UpsertEndToEndTests;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>
/// The CometD subscriber against the emulator's Bayeux server (reference §3): delivery, replay, and recovery from
/// dropped clients and expired sessions. The emulator holds connects for one second so recoveries stay quick.
/// </summary>
[TestFixture]
public sealed class StreamingEndToEndTests
{
    private const string EventName = "Lightspeed_Resync_Request__e";
    private const string Channel = "/event/" + EventName;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Test]
    public async Task SubscribeAsync_EventPublished_ReceivedWithPayloadAndReplayIdThenReported()
    {
        await using var org = await StartAsync();
        var client = org.Client();
        await using var subscription = Subscription.Start(client, -2);

        await PublishAsync(client, "Customer");
        var received = await subscription.NextAsync();
        var handled = await subscription.NextHandledAsync();

        var published = org.Control.PublishedEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(received.Channel, Is.EqualTo(Channel));
            Assert.That(received.ReplayId, Is.EqualTo(published.ReplayId));
            Assert.That(received.EventUuid, Is.EqualTo(published.EventUuid));
            Assert.That(received.Payload.GetProperty("Scope__c").GetString(), Is.EqualTo("Customer"));
            Assert.That(handled, Is.EqualTo(published.ReplayId));
        });
    }

    [Test]
    public async Task SubscribeAsync_ReplayAll_ReceivesRetainedEventsInOrder()
    {
        await using var org = await StartAsync();
        var client = org.Client();
        foreach (var scope in new[] { "Customer", "Item", "Sale" })
        {
            await PublishAsync(client, scope);
        }

        await using var subscription = Subscription.Start(client, -2);
        var received = await subscription.TakeAsync(3);

        Assert.That(received.Select(e => e.Payload.GetProperty("Scope__c").GetString()), Is.EqualTo(new[] { "Customer", "Item", "Sale" }));
        Assert.That(received.Select(e => e.ReplayId), Is.Ordered.Ascending);
    }

    [Test]
    public async Task SubscribeAsync_FromStoredReplayId_ReceivesOnlyLaterEvents()
    {
        await using var org = await StartAsync();
        var client = org.Client();
        foreach (var scope in new[] { "Customer", "Item", "Sale" })
        {
            await PublishAsync(client, scope);
        }

        var stored = org.Control.PublishedEvents[0].ReplayId;
        await using var subscription = Subscription.Start(client, stored);
        var received = await subscription.TakeAsync(2);
        await PublishAsync(client, "Customer");
        var sentinel = await subscription.NextAsync();

        Assert.That(received.Select(e => e.Payload.GetProperty("Scope__c").GetString()), Is.EqualTo(new[] { "Item", "Sale" }));
        Assert.That(sentinel.ReplayId, Is.EqualTo(org.Control.PublishedEvents[3].ReplayId));
    }

    [Test]
    public async Task SubscribeAsync_ClientsDroppedMidStream_ReHandshakesWithoutLossOrDuplicates()
    {
        await using var org = await StartAsync();
        var log = new Wire.CapturingLogger();
        var client = org.Client(logger: log);
        await using var subscription = Subscription.Start(client, -2);
        await PublishAsync(client, "Customer");
        await subscription.NextAsync();

        org.Control.DropAllCometdClients();
        await PublishAsync(client, "Item");
        await PublishAsync(client, "Sale");
        var afterDrop = await subscription.TakeAsync(2);
        await PublishAsync(client, "Customer");
        var sentinel = await subscription.NextAsync();

        var ids = org.Control.PublishedEvents.Select(e => e.ReplayId).ToList();
        Assert.That(afterDrop.Select(e => e.ReplayId), Is.EqualTo(ids.Skip(1).Take(2)));
        Assert.That(sentinel.ReplayId, Is.EqualTo(ids[3]), "an event was delivered twice or lost");
        Assert.That(log.Lines, Has.Some.StartsWith("SalesforceStreamingRehandshake").And.Contain("Unknown client"), "the operator sees why the stream re-handshook");
    }

    [Test]
    public async Task SubscribeAsync_SessionsExpired_GetsNewTokenAndContinues()
    {
        await using var org = await StartAsync();
        var client = org.Client();
        await using var subscription = Subscription.Start(client, -2);
        await PublishAsync(client, "Customer");
        await subscription.NextAsync();
        var tokensBefore = client.Statistics.TokenRequests;

        org.Control.ExpireAllSessions();
        var publisher = org.Client();
        // A connect already held when the sessions expired may still deliver "Item"; "Sale", published once
        // "Item" arrived, can only come through a request sent after the expiry, so through a new token.
        await PublishAsync(publisher, "Item");
        var item = await subscription.NextAsync();
        await PublishAsync(publisher, "Sale");
        var sale = await subscription.NextAsync();

        Assert.That(new[] { item, sale }.Select(e => e.Payload.GetProperty("Scope__c").GetString()), Is.EqualTo(new[] { "Item", "Sale" }));
        Assert.That(client.Statistics.TokenRequests, Is.GreaterThan(tokensBefore));
    }

    [Test]
    public async Task SubscribeAsync_NetworkErrors_BacksOffAndRecovers()
    {
        await using var org = await StartAsync();
        var client = org.Client();
        await PublishAsync(client, "Customer");
        var failing = new FailingHandler(failures: 3);
        var options = new CometdSubscriberOptions { BackoffInitialDelay = TimeSpan.FromMilliseconds(10), BackoffMaxDelay = TimeSpan.FromMilliseconds(50), JitterSeed = 1 };
        var subscriber = client.CreateSubscriber(TimeProvider.System, options);
        subscriber.WrapHandler = socket =>
        {
            failing.InnerHandler = socket;
            return failing;
        };
        using var cts = new CancellationTokenSource(Patience);
        var received = new TaskCompletionSource<PlatformEvent>(TaskCreationOptions.RunContinuationsAsynchronously);

        var running = subscriber.SubscribeAsync(Channel, -2, (e, _) => Task.FromResult(received.TrySetResult(e)), null, cts.Token);
        var first = await received.Task.WaitAsync(Patience);
        await cts.CancelAsync();

        Assert.That(first.Payload.GetProperty("Scope__c").GetString(), Is.EqualTo("Customer"));
        Assert.That(failing.Failed, Is.EqualTo(3));
        Assert.That(async () => await running, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task SubscribeAsync_HandlerThrows_ThatReplayIdIsNotReported()
    {
        await using var org = await StartAsync();
        var client = org.Client();
        await PublishAsync(client, "Customer");
        await PublishAsync(client, "Item");
        var handled = new List<long>();
        using var cts = new CancellationTokenSource(Patience);

        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => client.CreateSubscriber(TimeProvider.System).SubscribeAsync(
            Channel,
            -2,
            (e, _) => e.Payload.GetProperty("Scope__c").GetString() == "Item" ? throw new InvalidOperationException("handler failed") : Task.CompletedTask,
            (id, _) =>
            {
                handled.Add(id);
                return Task.CompletedTask;
            },
            cts.Token));

        Assert.That(ex!.Message, Is.EqualTo("handler failed"));
        Assert.That(handled, Is.EqualTo(new[] { org.Control.PublishedEvents[0].ReplayId }));
    }

    [Test]
    public async Task SubscribeAsync_ReplayIdOutsideRetention_ThrowsReplayIdInvalid()
    {
        await using var org = await StartAsync(o => o.EventRetention = TimeSpan.FromTicks(1));
        var client = org.Client();
        await PublishAsync(client, "Customer");
        await PublishAsync(client, "Item");
        var stale = org.Control.PublishedEvents[0].ReplayId;
        using var cts = new CancellationTokenSource(Patience);

        var ex = Assert.ThrowsAsync<ReplayIdInvalidException>(() => client.CreateSubscriber(TimeProvider.System).SubscribeAsync(
            Channel, stale, (_, _) => Task.CompletedTask, null, cts.Token));

        Assert.That(ex!.ReplayId, Is.EqualTo(stale));
    }

    [Test]
    public async Task SubscribeAsync_UnknownChannel_ThrowsCometdException()
    {
        await using var org = await StartAsync();
        var client = org.Client();
        using var cts = new CancellationTokenSource(Patience);

        var ex = Assert.ThrowsAsync<CometdException>(() => client.CreateSubscriber(TimeProvider.System).SubscribeAsync(
            "/event/No_Such__e", -1, (_, _) => Task.CompletedTask, null, cts.Token));

        Assert.That(ex!.Message, Does.Contain("does not exist"));
    }

    private static Task<EmulatedOrg> StartAsync(Action<SalesforceEmulatorOptions>? configure = null) =>
        EmulatedOrg.StartAsync(o =>
        {
            o.CometdConnectTimeout = TimeSpan.FromSeconds(1);
            configure?.Invoke(o);
        });

    private static Task PublishAsync(SalesforceClient client, string scope) =>
        client.PublishEventAsync(EventName, Fields(("Scope__c", scope), ("Lightspeed_Id__c", "42")));

    /// <summary>Fails the first requests as a broken network would (the emulator injects no faults on /cometd).</summary>
    private sealed class FailingHandler(int failures) : DelegatingHandler
    {
        private int _attempts;

        public int Failed => Math.Min(Volatile.Read(ref _attempts), failures);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _attempts) <= failures
                ? Task.FromException<HttpResponseMessage>(new HttpRequestException("connection reset (injected)"))
                : base.SendAsync(request, cancellationToken);
    }

    /// <summary>A subscriber running in the background, its events and reported replay ids in queues.</summary>
    private sealed class Subscription : IAsyncDisposable
    {
        private readonly Channel<PlatformEvent> _events = System.Threading.Channels.Channel.CreateUnbounded<PlatformEvent>();
        private readonly Channel<long> _handled = System.Threading.Channels.Channel.CreateUnbounded<long>();
        private readonly CancellationTokenSource _stop = new();
        private Task _running = Task.CompletedTask;

        public static Subscription Start(SalesforceClient client, long replayFrom)
        {
            var subscription = new Subscription();
            var options = new CometdSubscriberOptions { BackoffInitialDelay = TimeSpan.FromMilliseconds(20), BackoffMaxDelay = TimeSpan.FromMilliseconds(200), JitterSeed = 7 };
            subscription._running = client.CreateSubscriber(TimeProvider.System, options).SubscribeAsync(
                Channel,
                replayFrom,
                (e, ct) => subscription._events.Writer.WriteAsync(e, ct).AsTask(),
                (id, ct) => subscription._handled.Writer.WriteAsync(id, ct).AsTask(),
                subscription._stop.Token);
            return subscription;
        }

        public async Task<PlatformEvent> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            var read = _events.Reader.ReadAsync(timeout.Token).AsTask();
            if (await Task.WhenAny(read, _running) != read)
            {
                await _running; // surfaces the subscriber's failure
            }

            return await read;
        }

        public async Task<List<PlatformEvent>> TakeAsync(int count)
        {
            var taken = new List<PlatformEvent>();
            while (taken.Count < count)
            {
                taken.Add(await NextAsync());
            }

            return taken;
        }

        public async Task<long> NextHandledAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            return await _handled.Reader.ReadAsync(timeout.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
                // The way a subscription ends when asked to.
            }

            _stop.Dispose();
        }
    }
}
