using System.Text;

namespace Lightbridge.Salesforce;

/// <summary>
/// Live counters of one <see cref="SalesforceClient"/>, for benchmarks, tests and the run log
/// (<c>Api_Calls__c</c>). Safe to read from any thread while requests run.
/// </summary>
public sealed class SalesforceClientStatistics
{
    private static readonly SalesforceApiCallKind[] Kinds = Enum.GetValues<SalesforceApiCallKind>();

    private readonly long[] _calls = new long[Kinds.Length];
    private long _tokenRequests;
    private long _transientRetries;
    private long _unauthorizedResponses;
    private long _usagePauses;
    private ApiUsage? _lastApiUsage;

    /// <summary>API requests put on the wire, every attempt included (token requests excluded).</summary>
    public long TotalApiCalls
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _calls.Length; i++)
            {
                total += Interlocked.Read(ref _calls[i]);
            }

            return total;
        }
    }

    /// <summary>Successful token requests: the first login and every refresh after it.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>Retries after transient faults (5xx, dropped connections, timeouts, <c>UNABLE_TO_LOCK_ROW</c>).</summary>
    public long TransientRetries => Interlocked.Read(ref _transientRetries);

    /// <summary>401 responses (expired or revoked sessions) that led to a re-authentication.</summary>
    public long UnauthorizedResponses => Interlocked.Read(ref _unauthorizedResponses);

    /// <summary>Pauses started because the org's API usage passed the configured threshold.</summary>
    public long ApiUsagePauses => Interlocked.Read(ref _usagePauses);

    /// <summary>The most recent <c>Sforce-Limit-Info</c> reading, or null before the first response carrying it.</summary>
    public ApiUsage? LastApiUsage => Volatile.Read(ref _lastApiUsage);

    /// <summary>API requests of one kind put on the wire, every attempt included.</summary>
    public long ApiCalls(SalesforceApiCallKind kind) => Interlocked.Read(ref _calls[(int)kind]);

    internal void ApiCallSent(SalesforceApiCallKind kind) => Interlocked.Increment(ref _calls[(int)kind]);

    internal void TokenRequested() => Interlocked.Increment(ref _tokenRequests);

    internal void TransientRetry() => Interlocked.Increment(ref _transientRetries);

    internal void Unauthorized() => Interlocked.Increment(ref _unauthorizedResponses);

    internal void UsagePaused() => Interlocked.Increment(ref _usagePauses);

    internal void ApiUsageObserved(ApiUsage usage) => Volatile.Write(ref _lastApiUsage, usage);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("calls=").Append(TotalApiCalls);
        foreach (var kind in Kinds)
        {
            var count = ApiCalls(kind);
            if (count > 0)
            {
                text.Append(' ').Append(kind).Append('=').Append(count);
            }
        }

        text.Append(" tokens=").Append(TokenRequests)
            .Append(" 401=").Append(UnauthorizedResponses)
            .Append(" transientRetries=").Append(TransientRetries)
            .Append(" usagePauses=").Append(ApiUsagePauses)
            .Append(" usage=").Append(LastApiUsage?.ToString() ?? "unknown");
        return text.ToString();
    }
}
