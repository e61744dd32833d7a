namespace Lightbridge.Emulators.Salesforce;

/// <summary>How to run the Salesforce emulator. Defaults suit a local demo.</summary>
public sealed class SalesforceEmulatorOptions
{
    /// <summary>Loopback address to listen on. The default is 127.0.0.1.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 lets the OS choose.</summary>
    public int Port { get; set; }

    /// <summary>The SFDX package folder the schema is read from (null or empty: standard objects only).</summary>
    public string? MetadataPath { get; set; } = "force-app";

    /// <summary>The connected app's consumer key; a fixed default is used (and reported) when null.</summary>
    public string? ClientId { get; set; }

    /// <summary>The connected app's consumer secret; a fixed default is used (and reported) when null.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>PEM certificate JWT assertions are checked against; when null a key pair is generated at start.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The integration user's username (the JWT <c>sub</c>).</summary>
    public string Username { get; set; } = "integration@lightbridge.example";

    /// <summary>The newest API version served; older versions down to 20.0 are routed too.</summary>
    public string ApiVersion { get; set; } = "62.0";

    /// <summary>DailyApiRequests: calls allowed per day before 403 REQUEST_LIMIT_EXCEEDED. The default is 100,000.</summary>
    public int DailyApiLimit { get; set; } = 100_000;

    /// <summary>Access-token lifetime (the org's session timeout). The default is 2 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Rows per query batch before <c>nextRecordsUrl</c> (200 to 2000). The default is 2000.</summary>
    public int QueryBatchSize { get; set; } = 2000;

    /// <summary>How long a closed Bulk ingest job stays InProgress before its rows are processed. The default is 2 seconds.</summary>
    public TimeSpan BulkProcessingTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether Bulk result files come back in shuffled order, as a real org may answer. The default is true.</summary>
    public bool ShuffleBulkResults { get; set; } = true;

    /// <summary>Raw CSV bytes one ingest job accepts (150 MB base64 is about 100 MB raw). The default is 100,000,000.</summary>
    public long BulkUploadLimitBytes { get; set; } = 100_000_000;

    /// <summary>DailyBulkApiBatches: 10,000-record batches allowed per day. The default is 15,000.</summary>
    public int DailyBulkBatches { get; set; } = 15_000;

    /// <summary>How long a CometD /meta/connect is held when no event arrives. The default is 110 seconds.</summary>
    public TimeSpan CometdConnectTimeout { get; set; } = TimeSpan.FromSeconds(110);

    /// <summary>How long a CometD client may stay away between connects before it is forgotten. The default is 40 seconds.</summary>
    public TimeSpan CometdClientTimeout { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>How long published events can be replayed. The default is 72 hours.</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Seed of the random source that decides injected faults.</summary>
    public int FaultSeed { get; set; } = 42;

    /// <summary>The clock for sessions, timestamps, date literals and the daily counter.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
