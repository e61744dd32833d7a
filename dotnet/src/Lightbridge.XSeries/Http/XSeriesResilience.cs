using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Lightbridge.XSeries.Http;

/// <summary>
/// The client's one Polly pipeline: jittered exponential back-off on transient faults only (5xx, timeouts, dropped
/// connections, cut-off bodies), a bounded number of times, every delay through the injected <see cref="TimeProvider"/>.
/// 429s are not handled here: they are honoured by <c>Retry-After</c> and do not spend this budget.
/// </summary>
internal static class XSeriesResilience
{
    public static ResiliencePipeline Build(XSeriesClientOptions options, TimeProvider time, XSeriesClientStatistics statistics, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { Name = "xseries", TimeProvider = time };
        if (options.MaxTransientRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "xseries-transient",
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>()
                    .Handle<TimeoutException>()
                    .Handle<XSeriesApiException>(ex => ex.IsTransient),
                MaxRetryAttempts = options.MaxTransientRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.TransientRetryBaseDelay,
                MaxDelay = options.TransientRetryMaxDelay,
                OnRetry = args =>
                {
                    statistics.TransientRetry();
                    Log.TransientRetry(logger, args.Outcome.Exception, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
