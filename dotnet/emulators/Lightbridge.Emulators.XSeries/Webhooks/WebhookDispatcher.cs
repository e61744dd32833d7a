using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Lightbridge.Emulators.XSeries.Control;

namespace Lightbridge.Emulators.XSeries.Webhooks;

/// <summary>
/// Holds the subscriptions and delivers changes to them the way the real platform does (reference section 7):
/// a form-encoded POST with <c>type</c>, <c>payload</c> (JSON), <c>domain_prefix</c>, <c>environment</c> and
/// <c>retailer_id</c>, signed in <c>X-Signature</c>. Best effort: a seeded share is dropped, a failure is counted and
/// not retried. <see cref="Publish"/> only enqueues, so a mutation never waits for a subscriber. Every attempt's
/// outcome goes to the <see cref="Journal"/> before it is counted, so a waiter woken by the count finds it there.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<XSeriesWebhook> _subscriptions = [];
    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly Counters _counters;
    private readonly string _domainPrefix;
    private readonly byte[] _signingKey;
    private readonly Task _worker;
    private readonly TimeProvider _time;
    private Random _random;
    private double _dropRate;
    private int _nextId;

    public WebhookDispatcher(Counters counters, string domainPrefix, string clientSecret, int seed, double dropRate, TimeProvider time)
    {
        _counters = counters;
        _time = time;
        _domainPrefix = domainPrefix;
        _signingKey = Encoding.UTF8.GetBytes(clientSecret);
        _random = new Random(unchecked(seed * 31 + 7));
        _dropRate = dropRate;
        _worker = Task.Run(DeliverAllAsync);
    }

    public string RetailerId { get; set; } = string.Empty;

    /// <summary>Every delivery attempt's outcome (the most recent <see cref="DeliveryJournal.Capacity"/>).</summary>
    public DeliveryJournal Journal { get; } = new();

    public double DropRate
    {
        get
        {
            lock (_gate)
            {
                return _dropRate;
            }
        }
    }

    public IReadOnlyList<XSeriesWebhook> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions];
            }
        }
    }

    public XSeriesWebhook Add(string type, Uri url, bool active = true)
    {
        if (!WebhookTypes.Supported.Contains(type))
        {
            throw new ArgumentException($"type: '{type}' is not one of {string.Join(", ", WebhookTypes.Supported)}.", nameof(type));
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"url: '{url}' is not an absolute http(s) URL.", nameof(url));
        }

        lock (_gate)
        {
            var id = new Guid((uint)++_nextId, 0x7d7f, 0x11e5, 0xa0, 0xf5, 0xb8, 0xca, 0x3a, 0x64, 0xf8, 0xf4).ToString("D");
            var hook = new XSeriesWebhook(id, type, url, active);
            _subscriptions.Add(hook);
            return hook;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _subscriptions.RemoveAll(s => s.Id == id) > 0;
        }
    }

    public void Reset(int seed, double dropRate)
    {
        lock (_gate)
        {
            _subscriptions.Clear();
            _random = new Random(unchecked(seed * 31 + 7));
            _dropRate = dropRate;
        }
    }

    public void SetDropRate(double rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        lock (_gate)
        {
            _dropRate = rate;
        }
    }

    /// <summary>Queues one delivery per active subscription of <paramref name="type"/>, minus the seeded drops.</summary>
    public void Publish(string type, Data.VersionedRecord record, string payload)
    {
        var dropped = new List<XSeriesWebhookDelivery>();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var hook in _subscriptions)
            {
                if (!hook.Active || hook.Type != type)
                {
                    continue;
                }

                if (_dropRate > 0 && _random.NextDouble() < _dropRate)
                {
                    dropped.Add(new XSeriesWebhookDelivery(type, record.Id, record.Version, hook.Id, now, now, XSeriesWebhookOutcome.Dropped));
                    continue;
                }

                _queue.Writer.TryWrite(new Delivery(hook.Url, hook.Id, type, record.Id, record.Version, now, payload));
            }
        }

        foreach (var drop in dropped)
        {
            Journal.Add(drop);
            _counters.WebhookDropped();
        }
    }

    /// <summary>The <c>X-Signature</c> value: HMAC-SHA256 of the raw body keyed by the client secret, hex.</summary>
    public static string Sign(byte[] key, byte[] body) =>
        $"signature={Convert.ToHexStringLower(HMACSHA256.HashData(key, body))}, algorithm=HMAC-SHA256";

    private async Task DeliverAllAsync()
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync())
        {
            var form = new Dictionary<string, string>
            {
                ["type"] = delivery.Type,
                ["payload"] = delivery.Payload,
                ["domain_prefix"] = _domainPrefix,
                ["environment"] = "production",
                ["retailer_id"] = RetailerId,
            };
            using var content = new FormUrlEncodedContent(form);
            var body = await content.ReadAsByteArrayAsync();
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "UTF-8" };
            request.Headers.TryAddWithoutValidation("X-Signature", Sign(_signingKey, body));
            try
            {
                using var response = await _http.SendAsync(request, _stopping.Token);
                if (response.IsSuccessStatusCode)
                {
                    Record(delivery, XSeriesWebhookOutcome.Sent);
                    _counters.WebhookSent();
                }
                else
                {
                    Record(delivery, XSeriesWebhookOutcome.Failed);
                    _counters.WebhookFailed();
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                Record(delivery, XSeriesWebhookOutcome.Failed);
                _counters.WebhookFailed();
            }
        }
    }

    /// <summary>Stops delivering: what is still queued or in flight is abandoned (counted as failed), as when a server goes down.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _worker;
        _http.Dispose();
        _stopping.Dispose();
    }

    private void Record(Delivery delivery, XSeriesWebhookOutcome outcome) =>
        Journal.Add(new XSeriesWebhookDelivery(delivery.Type, delivery.RecordId, delivery.Version, delivery.SubscriptionId, delivery.QueuedAt, _time.GetUtcNow(), outcome));

    private sealed record Delivery(Uri Url, string SubscriptionId, string Type, string RecordId, long Version, DateTimeOffset QueuedAt, string Payload);
}
