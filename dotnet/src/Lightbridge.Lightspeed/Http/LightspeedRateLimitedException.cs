using System.Net;

namespace Lightbridge.Lightspeed;

/// <summary>
/// The API kept answering 429 after the client honoured <c>Retry-After</c> as many times as
/// <see cref="LightspeedClientOptions.MaxRateLimitedRetries"/> allows.
/// </summary>
public sealed class LightspeedRateLimitedException : LightspeedApiException
{
    /// <summary>Creates the exception.</summary>
    public LightspeedRateLimitedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LightspeedRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LightspeedRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the last 429 received.</summary>
    public LightspeedRateLimitedException(string endpoint, string? apiMessage, TimeSpan retryAfter, string? limitType, double? bucketLevel)
        : base(HttpStatusCode.TooManyRequests, endpoint, apiMessage)
    {
        RetryAfter = retryAfter;
        LimitType = limitType;
        BucketLevel = bucketLevel;
    }

    /// <summary>The last <c>Retry-After</c> the API asked for.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary><c>X-LS-API-RateLimit-Type</c>: <c>api-leaky-bucket</c> or <c>api-burst-limiter</c>, when sent.</summary>
    public string? LimitType { get; }

    /// <summary>The bucket level the last response reported, when it did.</summary>
    public double? BucketLevel { get; }
}
