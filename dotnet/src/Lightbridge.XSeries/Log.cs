using Microsoft.Extensions.Logging;

namespace Lightbridge.XSeries;

/// <summary>
/// Every log event of the X-Series client (event ids 11xx, beside the R-Series client's 10xx). No event carries a
/// token, a secret, a query string or personal data: endpoints are method and path only.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1101, EventName = "XSeriesTokenRefreshed", Level = LogLevel.Information,
        Message = "X-Series token refreshed; the new pair is stored; the access token expires in {ExpiresInSeconds} s")]
    public static partial void TokenRefreshed(ILogger logger, long expiresInSeconds);

    [LoggerMessage(EventId = 1102, EventName = "XSeriesRateLimited", Level = LogLevel.Warning,
        Message = "X-Series {Endpoint} answered 429; waiting {WaitMs} ms (Retry-After) before retrying")]
    public static partial void RateLimited(ILogger logger, string endpoint, double waitMs);

    [LoggerMessage(EventId = 1103, EventName = "XSeriesTransientRetry", Level = LogLevel.Warning,
        Message = "X-Series request failed transiently (attempt {Attempt}); retrying in {DelayMs} ms")]
    public static partial void TransientRetry(ILogger logger, Exception? exception, int attempt, double delayMs);

    [LoggerMessage(EventId = 1104, EventName = "XSeriesUnauthorized", Level = LogLevel.Information,
        Message = "X-Series {Endpoint} answered 401; refreshing the token once and retrying")]
    public static partial void Unauthorized(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1105, EventName = "XSeriesThrottleWaiting", Level = LogLevel.Debug,
        Message = "X-Series pacing holds a request for {WaitMs} ms ({Remaining} of {Limit} requests left in the window)")]
    public static partial void ThrottleWaiting(ILogger logger, double waitMs, int remaining, int limit);

    [LoggerMessage(EventId = 1106, EventName = "XSeriesPageRead", Level = LogLevel.Debug,
        Message = "X-Series {Resource} page after version {After} read with {RecordCount} records up to version {Max}")]
    public static partial void PageRead(ILogger logger, string resource, long? after, int recordCount, long? max);

    [LoggerMessage(EventId = 1107, EventName = "XSeriesRecordUnreadable", Level = LogLevel.Warning,
        Message = "An X-Series {Resource} record (id {Id}) could not be read ({Problem}); it is skipped and queued, the page goes on")]
    public static partial void RecordUnreadable(ILogger logger, string resource, string? id, string problem);

    [LoggerMessage(EventId = 1108, EventName = "XSeriesTokenRotatedElsewhere", Level = LogLevel.Information,
        Message = "X-Series refused our refresh token, but the token store holds a newer pair from another client; using it")]
    public static partial void TokenRotatedElsewhere(ILogger logger);
}
