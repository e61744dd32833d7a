using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Lightbridge.XSeries.Http;
using Microsoft.Extensions.Logging;

namespace Lightbridge.XSeries.Paging;

/// <summary>
/// Walks a list endpoint by the <c>version</c> cursor: <c>after</c> = the previous page's <c>version.max</c>, until a page
/// comes back with empty <c>data</c> (shared/reference/lightspeed-api.md §7). Versions are global and have gaps, so the
/// cursor is never computed, only taken from the page.
/// </summary>
internal sealed class VersionPager
{
    private readonly Func<Uri, CancellationToken, Task<JsonDocument>> _get;
    private readonly XSeriesRoutes _routes;
    private readonly int _pageSize;
    private readonly ILogger _logger;

    public VersionPager(Func<Uri, CancellationToken, Task<JsonDocument>> get, XSeriesRoutes routes, int pageSize, ILogger logger)
    {
        _get = get;
        _routes = routes;
        _pageSize = pageSize;
        _logger = logger;
    }

    /// <summary>Every record after <paramref name="after"/> (null: from the start), in ascending version.</summary>
    public async IAsyncEnumerable<JsonElement> ReadAsync(string resource, long? after, bool includeDeleted, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = after;
        while (true)
        {
            var uri = _routes.List(resource, _pageSize, cursor, includeDeleted);
            VersionPage page;
            using (var document = await _get(uri, ct).ConfigureAwait(false))
            {
                page = VersionPage.Read(document.RootElement);
            }

            Log.PageRead(_logger, resource, cursor, page.Records.Count, page.Max);
            if (page.Records.Count == 0)
            {
                yield break;
            }

            if (page.Max is not { } max || (cursor is { } previous && max <= previous))
            {
                // Asking again with the same cursor would return the same page forever.
                throw new XSeriesApiException(HttpStatusCode.OK, XSeriesErrorMap.Describe(HttpMethod.Get, uri),
                    $"A page of {page.Records.Count} records did not move the version cursor past {cursor?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "the start"}.");
            }

            foreach (var record in page.Records)
            {
                yield return record;
            }

            cursor = max;
        }
    }
}
