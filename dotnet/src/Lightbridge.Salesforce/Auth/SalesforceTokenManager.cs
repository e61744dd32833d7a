using Microsoft.Extensions.Logging;

namespace Lightbridge.Salesforce.Auth;

/// <summary>
/// Hands out the current session and renews it single-flight (STYLE G11, after jsforce's
/// <c>refresh(since)</c>): when a call is refused with a token, a renewal that already happened since that token
/// was issued is reused; one in flight is awaited; only otherwise does a new one start. Eight callers hitting
/// 401 at once thus cost one token request, and with a rotating refresh token nobody burns another's grant.
/// </summary>
internal sealed class SalesforceTokenManager : IDisposable
{
    private readonly ISalesforceTokenEndpoint _endpoint;
    private readonly ILogger _logger;
    private readonly Action? _onIssued;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private SalesforceAccessToken? _current;
    private Task<SalesforceAccessToken>? _inflight;
    private long _generation;

    public SalesforceTokenManager(ISalesforceTokenEndpoint endpoint, ILogger logger, Action? onIssued = null)
    {
        _endpoint = endpoint;
        _logger = logger;
        _onIssued = onIssued;
    }

    /// <summary>Returns the current session, logging in first when there is none.</summary>
    public Task<SalesforceAccessToken> GetTokenAsync(CancellationToken ct) => AcquireAsync(rejected: null, ct);

    /// <summary>
    /// Called after a 401 with the token that was refused: returns a newer session, renewing only when none was
    /// obtained since <paramref name="rejected"/>.
    /// </summary>
    public Task<SalesforceAccessToken> RefreshAsync(SalesforceAccessToken rejected, CancellationToken ct) => AcquireAsync(rejected, ct);

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private async Task<SalesforceAccessToken> AcquireAsync(SalesforceAccessToken? rejected, CancellationToken ct)
    {
        Task<SalesforceAccessToken> pending;
        TaskCompletionSource<SalesforceAccessToken>? started = null;
        lock (_gate)
        {
            if (_current is { } current && (rejected is null || current.Generation > rejected.Generation))
            {
                return current;
            }

            if (_inflight is null)
            {
                started = new TaskCompletionSource<SalesforceAccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inflight = started.Task;
            }

            pending = _inflight;
        }

        if (started is not null)
        {
            // The renewal runs on the manager's lifetime, not the first caller's token: a caller that gives up
            // must not fail the others waiting on the same renewal.
            _ = RunAsync(started, renewal: rejected is not null);
        }

        return await pending.WaitAsync(ct).ConfigureAwait(false);
    }

    private async Task RunAsync(TaskCompletionSource<SalesforceAccessToken> completion, bool renewal)
    {
        try
        {
            var token = await _endpoint.RequestTokenAsync(_lifetime.Token).ConfigureAwait(false);
            lock (_gate)
            {
                token = token with { Generation = ++_generation };
                _current = token;
                _inflight = null;
            }

            _onIssued?.Invoke();
            Log.TokenIssued(_logger, renewal, token.InstanceUrl.Authority);
            completion.SetResult(token);
        }
#pragma warning disable CA1031 // Every failure goes to the callers waiting on this renewal.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _inflight = null;
            }

            completion.SetException(ex);
        }
    }
}
