using System.Globalization;
using System.Text.Json;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;
using Lightbridge.Emulators.Salesforce.Control;
using Lightbridge.State;

namespace Lightbridge.Cli.Tests.Chaos;

/// <summary>
/// Runs chaos rounds: both emulators in-process with faults on, the real <c>lightbridge sync</c> (then <c>replay</c>)
/// killed with SIGKILL at seeded points and started again until a run ends 0 or 1 with nothing pending but invalid
/// records, live Lightspeed changes between rounds, and <see cref="ChaosChecker"/> after each round.
/// </summary>
internal sealed class ChaosHarness : IAsyncDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(240);

    private readonly ChaosSettings _settings;
    private readonly string _directory;
    private readonly LightspeedEmulator _lightspeed;
    private readonly SalesforceEmulator _org;
    private readonly Random _random;

    /// <summary>Customers that shared an email or phone in any round: the product keeps such a fold (see <see cref="CustomerGroups"/>).</summary>
    private readonly CustomerGroups _folds = new();
    private readonly string _config;
    private readonly string _statePath;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly List<int> _addedSales = [];
    private readonly HashSet<int> _voided = [];
    private readonly Dictionary<int, int> _broken = [];
    private readonly ChaosSummary _summary = new();
    private long _ownRequests;
    private int _killReach = 40;
    private (long ServerErrors, long Dropped, long Delayed) _drainFaults;

    private ChaosHarness(ChaosSettings settings, string directory, LightspeedEmulator lightspeed, SalesforceEmulator org)
    {
        _settings = settings;
        _directory = directory;
        _lightspeed = lightspeed;
        _org = org;
        _random = new Random(settings.Seed);
        _statePath = Path.Combine(directory, "state.db");
        _config = WriteConfig();
    }

    /// <summary>Starts both emulators (free loopback ports) with the account of <paramref name="settings"/>.</summary>
    public static async Task<ChaosHarness> StartAsync(ChaosSettings settings, string directory)
    {
        var lightspeed = await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions
        {
            Seed = settings.Seed, Shops = settings.Shops, Customers = settings.Customers, Items = settings.Items, Sales = settings.Sales,
            Bucket = BucketMode.Fast,
        });
        try
        {
            var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions
            {
                MetadataPath = RepositoryRoot.ForceApp, BulkProcessingTime = TimeSpan.FromMilliseconds(100), FaultSeed = settings.Seed,
            });
            return new ChaosHarness(settings, directory, lightspeed, org);
        }
        catch
        {
            await lightspeed.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs every round and returns the tallies.</summary>
    public async Task<ChaosSummary> RunAsync(Action<string> log)
    {
        for (var round = 1; round <= _settings.Rounds; round++)
        {
            if (round > 1)
            {
                _summary.LiveChanges += ApplyLiveChanges(round);
            }

            var settled = await RunUntilSettledAsync(fullSync: round == 1);
            _lightspeed.Control.ClearFaults();
            _org.Control.ClearFaults();
            var token = _lightspeed.Control.IssueAccessToken();
            var reader = new LightspeedReader(_http, _lightspeed.BaseUrl, _lightspeed.AccountId, token);
            var check = await ChaosChecker.CheckAsync(reader, _lightspeed.AccountId, _org, ReadPending(), _folds);
            Add(round, settled, check);
            log(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {(settled ? "settled" : "UNSETTLED")}, {check.Compared} compared, lost {check.Lost}, duplicated {check.Duplicated}, fields different {check.FieldsDifferent}, unexpected {check.Unexpected}, stuck {check.StuckInQueue}, queued invalid {check.QueuedInvalid}; kills so far {_summary.Kills}"));
        }

        var counters = _lightspeed.Control.GetCounters();
        _summary.Lightspeed = (
            counters.FaultServerErrors - _drainFaults.ServerErrors,
            counters.FaultDroppedConnections - _drainFaults.Dropped,
            counters.FaultDelayedRequests - _drainFaults.Delayed,
            ServedThrottled());
        _summary.SalesforceFaults = _org.Control.Counters.Where(c => c.Key.StartsWith("fault.", StringComparison.Ordinal)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        return _summary;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _org.DisposeAsync();
        await _lightspeed.DisposeAsync();
    }

    private void Add(int round, bool settled, CheckResult check)
    {
        _summary.Rounds = round;
        _summary.Unsettled += settled ? 0 : 1;
        _summary.Compared = check.Compared;
        _summary.Lost += check.Lost;
        _summary.Duplicated += check.Duplicated;
        _summary.FieldsDifferent += check.FieldsDifferent;
        _summary.Unexpected += check.Unexpected;
        _summary.StuckInQueue += check.StuckInQueue;
        _summary.QueuedInvalid = check.QueuedInvalid;
        _summary.Findings.AddRange(check.Findings.Select(f => $"round {round}: {f}"));
    }

    /// <summary>
    /// Starts <c>sync</c> (and <c>replay</c> when the queue holds retryable items) until a run ends 0 or 1 and nothing is
    /// pending but invalid data. The first <see cref="ChaosSettings.StormyAttempts"/> starts run under faults and may be
    /// killed; later ones run calm, as after a storm.
    /// </summary>
    private async Task<bool> RunUntilSettledAsync(bool fullSync)
    {
        // A full sync makes hundreds of calls, an incremental round a few dozen: kill points are drawn within reach.
        _killReach = fullSync ? 200 : 40;
        for (var attempt = 0; attempt < _settings.MaxAttempts; attempt++)
        {
            var stormy = attempt < _settings.StormyAttempts;
            var code = await RunAttemptAsync("sync", stormy, killChance: attempt == 0 ? 1.0 : 0.5, first: attempt == 0);
            if (code is not (0 or 1))
            {
                continue;
            }

            if (!ReadPending().Any(IsRetryable))
            {
                return true;
            }

            code = await RunAttemptAsync("replay", stormy, killChance: 0.3, first: false);
            if (code is 0 or 1 && !ReadPending().Any(IsRetryable))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One process start; returns its exit code, or null when it was killed.</summary>
    private async Task<int?> RunAttemptAsync(string verb, bool stormy, double killChance, bool first)
    {
        var faults = stormy ? StormFaults() : new FaultSettings();
        _org.Control.SetFaults(faults);
        _lightspeed.Control.SetFaults(stormy
            ? new EmulatorFaults(_settings.LightspeedServerErrorRate, _settings.Latency, _settings.LightspeedDropRate)
            : EmulatorFaults.None);

        // Kill, session expiry and refusal points are measured in API calls made to both emulators since the start.
        var start = Progress();
        var killAt = stormy && _random.NextDouble() < killChance ? start + _random.Next(3, _killReach) : long.MaxValue;
        var expireAt = stormy && (first || _random.NextDouble() < 0.5) ? start + _random.Next(2, 60) : long.MaxValue;
        var refuseAt = stormy && _random.NextDouble() < 0.15 ? start + _random.Next(2, 60) : long.MaxValue;
        var drainAt = stormy && (first || _random.NextDouble() < 0.4) ? start + _random.Next(2, 60) : long.MaxValue;
        var refusedSince = -1L;
        var drainUntil = -1L;
        var throttledBefore = ServedThrottled();
        if (drainAt != long.MaxValue)
        {
            _summary.BucketDrains++;
        }

        _summary.Processes++;
        using var process = LightbridgeProcess.StartIn(_directory, null, verb, "--config", _config);
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        while (!process.HasExited)
        {
            var progress = Progress();
            if (progress >= expireAt)
            {
                _org.Control.ExpireAllSessions();
                _summary.SessionsExpired++;
                expireAt = long.MaxValue;
            }

            if (progress >= refuseAt)
            {
                _org.Control.SetFaults(Copy(faults, requestLimitExceeded: true));
                _summary.LimitWindows++;
                refusedSince = SalesforceCounter("fault.limit");
                refuseAt = long.MaxValue;
            }
            else if (refusedSince >= 0 && SalesforceCounter("fault.limit") > refusedSince)
            {
                // One refused call is enough: the allowance "comes back" and the run must recover.
                _org.Control.SetFaults(faults);
                refusedSince = -1;
            }

            if (progress >= drainAt)
            {
                // Keeps the bucket full until lightbridge meets a 429, or for a window of its calls.
                var served = ServedThrottled();
                drainUntil = drainUntil < 0 ? progress + 150 : drainUntil;
                if (served > throttledBefore || progress >= drainUntil)
                {
                    drainAt = long.MaxValue;
                }
                else
                {
                    await DrainBucketAsync();
                }
            }

            if (progress >= killAt)
            {
                process.Kill();
                _summary.Kills++;
                return null;
            }

            // Polls the emulators' counters: the kill point is an event in their traffic, not a time.
            await Task.Delay(5, timeout.Token);
        }

        var code = await process.WaitForExitAsync(ProcessTimeout);
        if (code == 3)
        {
            _summary.Refused++;
        }
        else if (code is not (0 or 1))
        {
            _summary.Crashes++;
            _summary.Findings.Add($"lightbridge {verb} exited {code}: {Tail(process.StandardError + process.StandardOutput)}");
        }

        return code;
    }

    /// <summary>
    /// Another app of the retailer spends the account's shared bucket (count requests cost 10) until Lightspeed refuses
    /// it, so the sync's next requests meet real 429s with <c>Retry-After</c>.
    /// </summary>
    private async Task DrainBucketAsync()
    {
        var before = _lightspeed.Control.GetCounters();
        try
        {
            await SpendBucketAsync();
        }
        finally
        {
            // Faults drawn while draining are left out of the tally (also any the sync met meanwhile: an undercount).
            var after = _lightspeed.Control.GetCounters();
            _drainFaults = (
                _drainFaults.ServerErrors + after.FaultServerErrors - before.FaultServerErrors,
                _drainFaults.Dropped + after.FaultDroppedConnections - before.FaultDroppedConnections,
                _drainFaults.Delayed + after.FaultDelayedRequests - before.FaultDelayedRequests);
        }
    }

    private async Task SpendBucketAsync()
    {
        var token = _lightspeed.Control.IssueAccessToken();
        var uri = new Uri(_lightspeed.BaseUrl, $"API/V3/Account/{_lightspeed.AccountId}/Customer.json?count=1");
        for (var i = 0; i < 40; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            _ownRequests++;
            try
            {
                using var response = await _http.SendAsync(request);
                if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
                {
                    _summary.DrainThrottled++;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // A dropped connection (an injected fault): the next request goes on draining.
            }
        }
    }

    private FaultSettings StormFaults() => new()
    {
        ServerErrorRate = _settings.SalesforceServerErrorRate,
        ServiceUnavailableRate = _settings.SalesforceUnavailableRate,
        DropConnectionRate = _settings.SalesforceDropRate,
        LockRowRate = _settings.LockRowRate,
        Latency = _settings.Latency,
    };

    private static FaultSettings Copy(FaultSettings f, bool requestLimitExceeded) => new()
    {
        ServerErrorRate = f.ServerErrorRate,
        ServiceUnavailableRate = f.ServiceUnavailableRate,
        DropConnectionRate = f.DropConnectionRate,
        LockRowRate = f.LockRowRate,
        Latency = f.Latency,
        RequestLimitExceeded = requestLimitExceeded,
    };

    /// <summary>
    /// New sales, customer edits, voids, stock changes and moved sales, all drawn from the seed. Every third round one
    /// new sale is sent with a malformed total (<c>"12,50"</c>): genuinely invalid, it must wait in the replay queue
    /// while the rest goes on; two rounds later its total is mended and it must arrive.
    /// </summary>
    private int ApplyLiveChanges(int round)
    {
        var changes = 0;
        var control = _lightspeed.Control;
        foreach (var sale in _broken.Where(b => b.Value == round).Select(b => b.Key).ToList())
        {
            control.SetRawSaleField(sale, "total", null);
            _broken.Remove(sale);
            changes++;
        }

        for (var i = _random.Next(2, 6); i > 0; i--, changes++)
        {
            int? customer = _random.NextDouble() < 0.3 ? null : _random.Next(1, _settings.Customers + 1);
            _addedSales.Add(control.AddSale(customer, _random.Next(1, _settings.Shops + 1)));
        }

        for (var i = _random.Next(1, 4); i > 0; i--, changes++)
        {
            control.EditCustomer(_random.Next(1, _settings.Customers + 1));
        }

        for (var i = _random.Next(2, 6); i > 0; i--, changes++)
        {
            var delta = _random.Next(1, 6) * (_random.NextDouble() < 0.5 ? -1 : 1);
            control.ChangeStock(_random.Next(1, _settings.Items + 1), _random.Next(1, _settings.Shops + 1), delta);
        }

        if (round % 3 == 2)
        {
            var sale = control.AddSale(_random.Next(1, _settings.Customers + 1), _random.Next(1, _settings.Shops + 1));
            control.SetRawSaleField(sale, "total", "12,50");
            _broken[sale] = round + 2;
            changes++;
        }

        _summary.ExpectedInvalid = _broken.Count;
        var open = _addedSales.Where(s => !_voided.Contains(s)).ToList();
        if (open.Count > 1 && _random.NextDouble() < 0.6)
        {
            var sale = open[_random.Next(open.Count)];
            control.VoidSale(sale);
            _voided.Add(sale);
            open.Remove(sale);
            changes++;
        }

        if (open.Count > 0 && _random.NextDouble() < 0.5)
        {
            control.MoveSale(open[_random.Next(open.Count)], customerId: _random.Next(0, _settings.Customers + 1));
            changes++;
        }

        return changes;
    }

    private static bool IsRetryable(ReplayItem item) => !ChaosChecker.IsInvalidData(item.ErrorCode);

    private IReadOnlyList<ReplayItem> ReadPending()
    {
        if (!File.Exists(_statePath))
        {
            return [];
        }

        using var state = StateStore.Open(new StateOptions { Path = _statePath }, TimeProvider.System);
        return state.ReplayQueue.List(pendingOnly: true);
    }

    /// <summary>API calls lightbridge made to both emulators (the draining client's own requests left out).</summary>
    private long Progress() => _lightspeed.Control.GetCounters().TotalRequests - _ownRequests + SalesforceCounter("api.total");

    /// <summary>429s Lightspeed served to lightbridge.</summary>
    private long ServedThrottled() => _lightspeed.Control.GetCounters().TotalThrottled - _summary.DrainThrottled;

    private long SalesforceCounter(string name) => _org.Control.Counters.GetValueOrDefault(name);

    private static string Tail(string text) => text.Length > 1500 ? text[^1500..] : text;

    private string WriteConfig()
    {
        var path = Path.Combine(_directory, "lightbridge.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Lightspeed = new
            {
                BaseUrl = _lightspeed.BaseUrl.ToString(),
                TokenUrl = _lightspeed.TokenUrl.ToString(),
                _lightspeed.AccountId,
                _lightspeed.ClientId,
                _lightspeed.ClientSecret,
                RefreshToken = _lightspeed.Control.IssueRefreshToken(),
            },
            Salesforce = new
            {
                LoginUrl = _org.LoginUrl.ToString(), Auth = "ClientCredentials", _org.ClientId, _org.ClientSecret,
                BulkPollInitialDelay = "00:00:00.050", BulkPollMaxDelay = "00:00:00.200",
            },
            // Small batches: many checkpoint commits for kills to land between and inside; full batches take Bulk API
            // 2.0 and the rest Collections, so faults hit both load paths.
            Sync = new { BatchSize = 60, BulkThreshold = 50 },
            State = new { Path = _statePath },
        }));
        return path;
    }
}
