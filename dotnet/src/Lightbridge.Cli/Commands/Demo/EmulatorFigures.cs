using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// What the emulators themselves counted, read over HTTP from their <c>/__emulator/</c> control surfaces (which cost no API
/// calls) and, for the Lightspeed record counts, from the API itself: the independent side of the report, which the
/// worker's own figures must agree with.
/// </summary>
internal static class EmulatorFigures
{
    /// <summary>The org objects the report counts.</summary>
    public static readonly string[] OrgObjects =
    [
        "Lightspeed_Store__c", "Product2", "Lightspeed_Inventory__c", "Contact", "Lead",
        "Lightspeed_Sale__c", "Lightspeed_Sale_Line__c", "Lightspeed_Payment__c", "Lightspeed_Sync_Run__c", "Lightspeed_Sync_Error__c",
    ];

    /// <summary>
    /// The Lightspeed entities the report counts, with the filter the sync reads them with: archived records included, and
    /// only completed sales (an open sale is not a sale yet).
    /// </summary>
    public static readonly (string Entity, string Filter)[] LightspeedEntities =
    [
        ("Shop", "archived=true"), ("Item", "archived=true"), ("Customer", "archived=true"), ("Sale", "completed=true"),
    ];

    /// <summary>The org's counters: every call kind and DML per object since the org started (<c>GET /__emulator/counters</c>).</summary>
    public static async Task<SortedDictionary<string, long>> SalesforceCountersAsync(HttpClient http, DemoEmulators emulators, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(emulators);
        using var document = await GetJsonAsync(http, new Uri(emulators.SalesforceControlUrl, "counters"), null, ct).ConfigureAwait(false);
        var counters = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var counter in document.RootElement.GetProperty("counters").EnumerateObject())
        {
            counters[counter.Name] = counter.Value.GetInt64();
        }

        return counters;
    }

    /// <summary>Records per object in the org, by SOQL <c>COUNT()</c> through <c>GET /__emulator/query</c>.</summary>
    public static async Task<SortedDictionary<string, long>> OrgCountsAsync(HttpClient http, DemoEmulators emulators, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var sObject in OrgObjects)
        {
            var query = Uri.EscapeDataString($"SELECT COUNT() FROM {sObject}");
            using var document = await GetJsonAsync(http, new Uri(emulators.SalesforceControlUrl, "query?q=" + query), null, ct).ConfigureAwait(false);
            counts[sObject] = document.RootElement.GetProperty("totalSize").GetInt64();
        }

        return counts;
    }

    /// <summary>The Lightspeed emulator's counters (<c>GET /__emulator/counters</c>), reset after the org was seeded.</summary>
    public static async Task<LightspeedServerCounters> LightspeedCountersAsync(HttpClient http, DemoEmulators emulators, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        using var document = await GetJsonAsync(http, new Uri(emulators.LightspeedControlUrl, "counters"), null, ct).ConfigureAwait(false);
        var root = document.RootElement;
        var endpoints = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var endpoint in root.GetProperty("endpoints").EnumerateObject())
        {
            endpoints[endpoint.Name] = endpoint.Value.GetProperty("requests").GetInt64();
        }

        return new LightspeedServerCounters(
            root.GetProperty("totalRequests").GetInt64(), root.GetProperty("totalThrottled").GetInt64(), root.GetProperty("tokenRequests").GetInt64(), endpoints);
    }

    /// <summary>
    /// Records per entity in the Lightspeed account as the sync reads them, by the API's <c>count=1</c> (these requests are
    /// made after the counters were read, so they are not in them).
    /// </summary>
    public static async Task<SortedDictionary<string, long>> LightspeedCountsAsync(HttpClient http, DemoEmulators emulators, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        var lightspeed = emulators.Lightspeed;
        var token = lightspeed.Control.IssueAccessToken();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (entity, filter) in LightspeedEntities)
        {
            var url = new Uri(lightspeed.BaseUrl, $"API/V3/Account/{lightspeed.AccountId}/{entity}.json?count=1&{filter}");
            using var document = await GetJsonAsync(http, url, token, ct).ConfigureAwait(false);
            var count = document.RootElement.GetProperty("@attributes").GetProperty("count");
            counts[entity] = count.ValueKind == JsonValueKind.String ? long.Parse(count.GetString()!, CultureInfo.InvariantCulture) : count.GetInt64();
        }

        return counts;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, Uri url, string? bearer, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(body, cancellationToken: ct).ConfigureAwait(false);
        }
    }
}
