using Lightbridge.Cli.Configuration;
using Lightbridge.Lightspeed;
using Lightbridge.State;
using Lightbridge.Sync.Sources;
using Lightbridge.Sync.Tokens;
using Lightbridge.XSeries;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// The configured Lightspeed account, whatever its series: the client of that series (its refresh token kept in the
/// state file, which both series rotate on use) and the reader the engine syncs from. Owns the client.
/// </summary>
internal sealed class SourceConnection : IDisposable
{
    private readonly IDisposable _client;

    private SourceConnection(ISourceReader reader, IDisposable client, LightspeedClient? rseries)
    {
        Reader = reader;
        _client = client;
        RSeries = rseries;
    }

    /// <summary>What the engine reads.</summary>
    public ISourceReader Reader { get; }

    /// <summary>The R-Series client, for the verbs only R-Series has; null for an X-Series account.</summary>
    public LightspeedClient? RSeries { get; }

    /// <summary>The account the connection reads.</summary>
    public Core.Normalization.AccountContext Account { get; private init; } = null!;

    public static SourceConnection Open(AccountSettings settings, HttpClient http, StateStore state, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(loggers);
        var tokens = new StateLightspeedTokenStore(state.TokensFor(settings.TokenKey), settings.RefreshToken);
        if (settings.XSeries is { } xseries)
        {
            var client = new XSeriesClient(http, xseries, tokens, time, loggers.CreateLogger<XSeriesClient>());
            return new SourceConnection(new XSeriesReader(client), client, null) { Account = settings.Account };
        }

        var rseries = new LightspeedClient(http, settings.RSeries!, tokens, time, loggers.CreateLogger<LightspeedClient>());
        return new SourceConnection(new RSeriesReader(rseries), rseries, rseries) { Account = settings.Account };
    }

    public void Dispose() => _client.Dispose();
}
