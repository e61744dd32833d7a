using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Lightbridge.Lightspeed.Http;

/// <summary>
/// Builds the client's one Polly pipeline (STYLE G12): jittered exponential back-off on transient faults
/// only — 5xx, timeouts, dropped connections, and a 400 saying "Please try again later." (§2, §10) —
/// with a retry budget, all delays through the injected <see cref="TimeProvider"/>. 429s are not handled
/// here: they are honoured by <c>Retry-After</c> and do not spend this budget.
/// </summary>
internal static class LightspeedResilience
{
    public static ResiliencePipeline Build(LightspeedClientOptions options, TimeProvider time, LightspeedClientStatistics statistics, ILogger logger)
    {
        var retry = new RetryStrategyOptions
        {
            Name = "lightspeed-transient",
            ShouldHandle = new PredicateBuilder()
                .Handle<HttpRequestException>()
                .Handle<IOException>()
                .Handle<TimeoutException>()
                .Handle<LightspeedApiException>(ex => ex.IsTransient),
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
        };

        var builder = new ResiliencePipelineBuilder { Name = "lightspeed", TimeProvider = time };
        if (options.MaxTransientRetries > 0)
        {
            builder.AddRetry(retry);
        }

        return builder.Build();
    }
}
