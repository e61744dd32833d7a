using Lightbridge.Sync.Sources;
using Lightbridge.Salesforce;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Cli.Health;

/// <summary>
/// Answers <c>/readyz</c>: both APIs reachable and accepting the worker's credentials (Lightspeed: the account
/// read; Salesforce: <c>/limits</c>). A result is reused for <see cref="CacheFor"/> so a probe every few seconds
/// does not spend the API allowance.
/// </summary>
internal sealed partial class ReadinessProbe : IDisposable
{
    /// <summary>How long one check answers for.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    private readonly IReadOnlyList<ISourceReader> _lightspeed;
    private readonly SalesforceClient _salesforce;
    private readonly TimeProvider _time;
    private readonly ILogger<ReadinessProbe> _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, ReadinessResult Result)? _last;

    public ReadinessProbe(IReadOnlyList<ISourceReader> lightspeed, SalesforceClient salesforce, TimeProvider time, ILogger<ReadinessProbe> log)
    {
        _lightspeed = lightspeed;
        _salesforce = salesforce;
        _time = time;
        _log = log;
    }

    /// <summary>Checks both systems, or returns the check made less than <see cref="CacheFor"/> ago.</summary>
    public async Task<ReadinessResult> CheckAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (_last is { } last && now - last.At < CacheFor)
            {
                return last.Result;
            }

            var lightspeed = await CheckLightspeedAsync(ct).ConfigureAwait(false);
            var salesforce = await CheckSalesforceAsync(ct).ConfigureAwait(false);
            var result = new ReadinessResult(lightspeed is null, lightspeed, salesforce is null, salesforce);
            _last = (now, result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<string?> CheckLightspeedAsync(CancellationToken ct)
    {
        // Every account must answer: a worker that can read only some of them is not ready.
        foreach (var source in _lightspeed)
        {
            if (await source.ProbeAsync(ct).ConfigureAwait(false) is { } problem)
            {
                LogNotReady("Lightspeed", problem);
                return problem;
            }
        }

        return null;
    }

    private async Task<string?> CheckSalesforceAsync(CancellationToken ct)
    {
        try
        {
            await _salesforce.GetLimitsAsync(ct).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is SalesforceApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogNotReady("Salesforce", ex.Message);
            return ex.Message;
        }
    }

    [LoggerMessage(EventId = 6401, EventName = "NotReady", Level = LogLevel.Warning, Message = "Readiness: {System} is not reachable or refused the login: {Problem}")]
    private partial void LogNotReady(string system, string problem);
}
