using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Lightbridge.Salesforce.Http;

/// <summary>
/// Builds the client's Polly pipelines once (STYLE G12): jittered exponential back-off with a retry budget, all
/// delays on the injected <see cref="TimeProvider"/>, handling only what is transient: dropped connections,
/// timeouts, 5xx (503 included) and <c>UNABLE_TO_LOCK_ROW</c> (shared/reference/salesforce-api.md §1.8, §2.7).
/// <c>REQUEST_LIMIT_EXCEEDED</c>, refused grants and every other 4xx are final.
/// </summary>
internal static class SalesforceResilience
{
    public static readonly PredicateBuilder<object> TransientFaults = new PredicateBuilder()
        .Handle<HttpRequestException>()
        .Handle<IOException>()
        .Handle<TimeoutException>()
        .Handle<SalesforceApiException>(ex => ex.IsTransient);

    /// <summary>The pipeline for idempotent calls and token requests.</summary>
    public static ResiliencePipeline BuildRetrying(SalesforceClientOptions options, TimeProvider time, SalesforceClientStatistics statistics, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { Name = "salesforce-transient", TimeProvider = time };
        if (options.MaxTransientRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "salesforce-transient-retry",
                ShouldHandle = TransientFaults,
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
