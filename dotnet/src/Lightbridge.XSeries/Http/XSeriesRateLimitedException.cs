using System.Net;

namespace Lightbridge.XSeries;

/// <summary>
/// The API kept answering 429 after the client honoured <c>Retry-After</c> as many times as
/// <see cref="XSeriesClientOptions.MaxRateLimitedRetries"/> allows.
/// </summary>
public sealed class XSeriesRateLimitedException : XSeriesApiException
{
    /// <summary>Creates the exception.</summary>
    public XSeriesRateLimitedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public XSeriesRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public XSeriesRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the last 429 received.</summary>
    public XSeriesRateLimitedException(string endpoint, string? apiMessage, TimeSpan retryAfter)
        : base(HttpStatusCode.TooManyRequests, endpoint, apiMessage)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The last wait the API asked for.</summary>
    public TimeSpan RetryAfter { get; }
}
