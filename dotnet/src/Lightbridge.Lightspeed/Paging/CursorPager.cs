using System.Runtime.CompilerServices;
using System.Text.Json;
using Lightbridge.Lightspeed.Http;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Lightspeed.Paging;

/// <summary>
/// Walks V3 cursor pages by following <c>@attributes.next</c> exactly as given until it is <c>""</c>.
/// The cursor is opaque keyset state; rebuilding it or re-applying <c>offset</c> loses or repeats rows
/// (shared/reference/lightspeed-api.md §4, §9.12).
/// </summary>
internal sealed class CursorPager
{
    private readonly Func<Uri, CancellationToken, Task<JsonDocument>> _get;
    private readonly ILogger _logger;

    public CursorPager(Func<Uri, CancellationToken, Task<JsonDocument>> get, ILogger logger)
    {
        _get = get;
        _logger = logger;
    }

    /// <summary>Every record of every page, in order, each cloned so it outlives its page.</summary>
    public async IAsyncEnumerable<JsonElement> ReadAsync(Uri first, string entityKey, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var url = first;
        var visited = new HashSet<string>(StringComparer.Ordinal) { first.OriginalString };
        var page = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            string? next;
            using (var document = await _get(url, ct).ConfigureAwait(false))
            {
                var records = WirePage.Records(document.RootElement, entityKey);
                Log.PageRead(_logger, entityKey, ++page, records.Count);
                foreach (var record in records)
                {
                    yield return record.Clone();
                }

                next = WirePage.Next(document.RootElement);
            }

            if (next is null)
            {
                yield break;
            }

            if (!visited.Add(next))
            {
                // A server that hands back a cursor already followed would loop forever.
                throw new LightspeedApiException(
                    System.Net.HttpStatusCode.OK, LightspeedErrorMap.Describe(HttpMethod.Get, url), "The next page link repeats a page already read.");
            }

            url = Uri.TryCreate(next, UriKind.Absolute, out var absolute) ? absolute : new Uri(url, next);
        }
    }
}
