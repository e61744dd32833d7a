using Lightbridge.Salesforce.Auth;

namespace Lightbridge.Salesforce.Tests.Auth;

/// <summary>
/// A token endpoint whose answers the test releases by hand, so concurrent callers can pile up on one request.
/// </summary>
internal sealed class FakeTokenEndpoint : ISalesforceTokenEndpoint
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<SalesforceAccessToken> _next = NewSource();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public TaskCompletionSource<SalesforceAccessToken> Pending
    {
        get
        {
            lock (_gate)
            {
                return _next;
            }
        }
    }

    public Task<SalesforceAccessToken> RequestTokenAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        lock (_gate)
        {
            return _next.Task.WaitAsync(ct);
        }
    }

    /// <summary>Answers the pending request with a token named <paramref name="access"/> and arms a new one.</summary>
    public void Issue(string access)
    {
        TaskCompletionSource<SalesforceAccessToken> current;
        lock (_gate)
        {
            current = _next;
            _next = NewSource();
        }

        current.SetResult(new SalesforceAccessToken(access, new Uri("https://na1.salesforce.com"), null, null));
    }

    /// <summary>Fails the pending request and arms a new one.</summary>
    public void Fail(Exception exception)
    {
        TaskCompletionSource<SalesforceAccessToken> current;
        lock (_gate)
        {
            current = _next;
            _next = NewSource();
        }

        current.SetException(exception);
    }

    private static TaskCompletionSource<SalesforceAccessToken> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
