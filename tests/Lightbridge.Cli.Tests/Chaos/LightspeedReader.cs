using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Lightbridge.Cli.Tests.Chaos;

/// <summary>
/// Reads a Lightspeed account over plain HTTP with <see cref="JsonDocument"/>, sharing nothing with the product's
/// Lightspeed client: an independent reading of the wire format (one object or an array, <c>""</c> for empty
/// relations, cursor pages) for the checker to compare the org with.
/// </summary>
internal sealed class LightspeedReader(HttpClient http, Uri baseUrl, string accountId, string accessToken)
{
    private const int MaxAttempts = 20;

    /// <summary>Every row of <paramref name="entity"/>, each cloned out of its page.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadAllAsync(string entity, string query)
    {
        var rows = new List<JsonElement>();
        Uri? next = new(baseUrl, $"API/V3/Account/{accountId}/{entity}.json?{query}");
        while (next is not null)
        {
            using var page = await GetAsync(next);
            var root = page.RootElement;
            rows.AddRange(Many(root.TryGetProperty(entity, out var found) ? found : default).Select(r => r.Clone()));
            var link = root.GetProperty("@attributes").TryGetProperty("next", out var n) ? n.GetString() : null;
            next = string.IsNullOrEmpty(link) ? null : new Uri(link);
        }

        return rows;
    }

    /// <summary>A relation or page entry as a list: absent or <c>""</c> is empty, one object is one, an array is itself.</summary>
    public static IEnumerable<JsonElement> Many(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray(),
        JsonValueKind.Object => [element],
        _ => [],
    };

    /// <summary>The string value of <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? Text(JsonElement row, string name) =>
        row.ValueKind == JsonValueKind.Object && row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The child <paramref name="name"/>, or an undefined element.</summary>
    public static JsonElement Child(JsonElement row, string name) =>
        row.ValueKind == JsonValueKind.Object && row.TryGetProperty(name, out var value) ? value : default;

    private async Task<JsonDocument> GetAsync(Uri uri)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
            {
                // The checker shares the account's bucket with the sync; it waits as the server asks.
                var seconds = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(seconds);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"GET {uri} answered {(int)response.StatusCode}: {body}"));
            }

            return JsonDocument.Parse(body);
        }
    }
}
