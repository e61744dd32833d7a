using Microsoft.Extensions.Logging;

namespace Lightbridge.Lightspeed;

/// <summary>
/// Every log event of the Lightspeed client (event ids 1xxx, STYLE G13). No event carries a token,
/// a secret, a query string or personal data: endpoints are method and path only.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "LightspeedTokenRefreshed", Level = LogLevel.Information,
        Message = "Lightspeed token refreshed; the new pair is stored; the access token expires in {ExpiresInSeconds} s")]
    public static partial void TokenRefreshed(ILogger logger, long expiresInSeconds);

    [LoggerMessage(EventId = 1007, EventName = "LightspeedTokenRotatedElsewhere", Level = LogLevel.Information,
        Message = "Lightspeed refused our refresh token, but the token store holds a newer pair from another client; using it")]
    public static partial void TokenRotatedElsewhere(ILogger logger);

    [LoggerMessage(EventId = 1002, EventName = "LightspeedRateLimited", Level = LogLevel.Warning,
        Message = "Lightspeed {Endpoint} answered 429 ({LimitType}); waiting {WaitMs} ms before retrying")]
    public static partial void RateLimited(ILogger logger, string endpoint, string limitType, double waitMs);

    [LoggerMessage(EventId = 1003, EventName = "LightspeedTransientRetry", Level = LogLevel.Warning,
        Message = "Lightspeed request failed transiently (attempt {Attempt}); retrying in {DelayMs} ms")]
    public static partial void TransientRetry(ILogger logger, Exception? exception, int attempt, double delayMs);

    [LoggerMessage(EventId = 1004, EventName = "LightspeedUnauthorized", Level = LogLevel.Information,
        Message = "Lightspeed {Endpoint} answered 401; refreshing the token once and retrying")]
    public static partial void Unauthorized(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1005, EventName = "LightspeedThrottleWaiting", Level = LogLevel.Debug,
        Message = "Lightspeed throttle holds a request of cost {Cost} for {WaitMs} ms")]
    public static partial void ThrottleWaiting(ILogger logger, double waitMs, double cost);

    [LoggerMessage(EventId = 1006, EventName = "LightspeedPageRead", Level = LogLevel.Debug,
        Message = "Lightspeed {Entity} page {Page} read with {RecordCount} records")]
    public static partial void PageRead(ILogger logger, string entity, int page, int recordCount);

    [LoggerMessage(EventId = 1007, EventName = "LightspeedRecordUnreadable", Level = LogLevel.Warning,
        Message = "A Lightspeed {Entity} record (id {Id}) could not be read ({Problem}); it is skipped and queued, the page goes on")]
    public static partial void RecordUnreadable(ILogger logger, string entity, string? id, string problem);
}
