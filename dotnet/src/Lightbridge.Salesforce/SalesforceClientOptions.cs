using System.Globalization;
using System.Text.RegularExpressions;

namespace Lightbridge.Salesforce;

/// <summary>How a <see cref="SalesforceClient"/> reaches one Salesforce org. Secrets here are never logged.</summary>
public sealed partial class SalesforceClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Salesforce";

    /// <summary>
    /// The login or My Domain URL (<c>https://login.salesforce.com</c>, <c>https://acme.my.salesforce.com</c>).
    /// Tokens come from <c>{LoginUrl}/services/oauth2/token</c>; API calls go to the <c>instance_url</c> the token
    /// response returns. For the JWT bearer flow this URL, without a trailing slash, is also the <c>aud</c> claim.
    /// </summary>
    public required Uri LoginUrl { get; init; }

    /// <summary>The REST API version without the <c>v</c>, e.g. <c>62.0</c>. The default is 62.0.</summary>
    public string ApiVersion { get; init; } = "62.0";

    /// <summary>The OAuth grant used. The default is <see cref="SalesforceAuthFlow.JwtBearer"/>.</summary>
    public SalesforceAuthFlow Auth { get; init; } = SalesforceAuthFlow.JwtBearer;

    /// <summary>The connected app's consumer key (the JWT <c>iss</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>The consumer secret: required for client credentials, optional for refresh token. Never logged.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The integration user's username (the JWT <c>sub</c>); required for JWT bearer.</summary>
    public string? Username { get; init; }

    /// <summary>A PEM file holding the RSA private key that signs JWT assertions (PKCS#8 or PKCS#1, unencrypted).</summary>
    public string? PrivateKeyPath { get; init; }

    /// <summary>The same key as PEM text, instead of <see cref="PrivateKeyPath"/>. Never logged.</summary>
    public string? PrivateKeyPem { get; init; }

    /// <summary>The refresh token for <see cref="SalesforceAuthFlow.RefreshToken"/>. Never logged.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>
    /// The fraction of the org's daily API allowance (<c>Sforce-Limit-Info</c>) past which the client pauses
    /// before its next call. The default is 0.9.
    /// </summary>
    public double ApiUsagePauseThreshold { get; init; } = 0.9;

    /// <summary>How long the client pauses once usage passes the threshold; zero turns pausing off. The default is 1 minute.</summary>
    public TimeSpan ApiUsagePause { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times an idempotent call is retried after a transient fault. The default is 4.</summary>
    public int MaxTransientRetries { get; init; } = 4;

    /// <summary>The first back-off delay after a transient fault; later ones grow exponentially with jitter. The default is 1 second.</summary>
    public TimeSpan TransientRetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off delay between transient retries. The default is 30 seconds.</summary>
    public TimeSpan TransientRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one HTTP attempt may take before it counts as a transient timeout. The default is 120 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The wait before the first poll of a Bulk job; later waits grow by half up to <see cref="BulkPollMaxDelay"/>. The default is 2 seconds.</summary>
    public TimeSpan BulkPollInitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between polls of a Bulk job. The default is 30 seconds.</summary>
    public TimeSpan BulkPollMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest CSV upload, in bytes; larger loads are split over several jobs. A job takes 150 MB base64-encoded,
    /// so about 100 MB raw (shared/reference/salesforce-api.md §1.3). The default is 100,000,000.
    /// </summary>
    public int BulkMaxUploadBytes { get; init; } = 100_000_000;

    /// <summary>
    /// How many Collections calls of up to 200 records go in one Composite call when an upsert has more than 200
    /// records: 1 to 5 (Composite takes at most 5, §2.5). Each Composite call counts as one API call but saves its
    /// records in one request, so 5 means 1,000 records a call; an org whose automation on the synced objects runs out
    /// of CPU time on that many at once sets it lower. The default is 5.
    /// </summary>
    public int CollectionsPerCall { get; init; } = 5;

    /// <summary>The version segment of every data path, e.g. <c>v62.0</c>.</summary>
    internal string VersionSegment => "v" + ApiVersion;

    /// <summary>The login URL as the JWT audience and token host: absolute, without a trailing slash.</summary>
    internal string LoginBase => LoginUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>Checks every option and throws one exception naming each bad one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (LoginUrl is null || !LoginUrl.IsAbsoluteUri)
        {
            errors.Add($"{SectionName}:LoginUrl must be an absolute URL.");
        }

        if (string.IsNullOrWhiteSpace(ApiVersion) || !ApiVersionPattern().IsMatch(ApiVersion))
        {
            errors.Add($"{SectionName}:ApiVersion must look like 62.0 (no leading v).");
        }
        else if (double.Parse(ApiVersion, CultureInfo.InvariantCulture) < 46.0)
        {
            // Upsert answers 200 with a body only from 46.0, and Collections upsert needs 46.0 (reference §2.3, §2.4).
            errors.Add($"{SectionName}:ApiVersion must be 46.0 or later.");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            errors.Add($"{SectionName}:ClientId is required.");
        }

        switch (Auth)
        {
            case SalesforceAuthFlow.JwtBearer:
                if (string.IsNullOrWhiteSpace(Username))
                {
                    errors.Add($"{SectionName}:Username is required when Auth is JwtBearer.");
                }

                if (string.IsNullOrWhiteSpace(PrivateKeyPath) == string.IsNullOrWhiteSpace(PrivateKeyPem))
                {
                    errors.Add($"{SectionName}:PrivateKeyPath (or PrivateKeyPem, but not both) is required when Auth is JwtBearer.");
                }

                break;
            case SalesforceAuthFlow.ClientCredentials:
                if (string.IsNullOrWhiteSpace(ClientSecret))
                {
                    errors.Add($"{SectionName}:ClientSecret is required when Auth is ClientCredentials.");
                }

                // "Requests to login.salesforce.com and test.salesforce.com aren't supported" for this grant (§2.1, S33).
                if (LoginUrl is { IsAbsoluteUri: true } url
                    && (url.Host.Equals("login.salesforce.com", StringComparison.OrdinalIgnoreCase)
                        || url.Host.Equals("test.salesforce.com", StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add($"{SectionName}:LoginUrl must be the org's My Domain URL when Auth is ClientCredentials.");
                }

                break;
            case SalesforceAuthFlow.RefreshToken:
                if (string.IsNullOrWhiteSpace(RefreshToken))
                {
                    errors.Add($"{SectionName}:RefreshToken is required when Auth is RefreshToken.");
                }

                break;
            default:
                errors.Add($"{SectionName}:Auth must be JwtBearer, ClientCredentials or RefreshToken.");
                break;
        }

        if (double.IsNaN(ApiUsagePauseThreshold) || ApiUsagePauseThreshold <= 0 || ApiUsagePauseThreshold > 1)
        {
            errors.Add($"{SectionName}:ApiUsagePauseThreshold must be above 0 and at most 1.");
        }

        if (ApiUsagePause < TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:ApiUsagePause must not be negative.");
        }

        if (MaxTransientRetries < 0)
        {
            errors.Add($"{SectionName}:MaxTransientRetries must not be negative.");
        }

        if (TransientRetryBaseDelay <= TimeSpan.Zero || TransientRetryMaxDelay < TransientRetryBaseDelay)
        {
            errors.Add($"{SectionName}:TransientRetryBaseDelay must be positive and not above TransientRetryMaxDelay.");
        }

        if (BulkPollInitialDelay <= TimeSpan.Zero || BulkPollMaxDelay < BulkPollInitialDelay)
        {
            errors.Add($"{SectionName}:BulkPollInitialDelay must be positive and not above BulkPollMaxDelay.");
        }

        if (CollectionsPerCall is < 1 or > 5)
        {
            errors.Add($"{SectionName}:CollectionsPerCall must be between 1 and 5.");
        }

        if (BulkMaxUploadBytes is < 1_000 or > 100_000_000)
        {
            errors.Add($"{SectionName}:BulkMaxUploadBytes must be between 1,000 and 100,000,000.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:RequestTimeout must be positive.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }

    [GeneratedRegex(@"^\d{2,3}\.\d$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();
}
