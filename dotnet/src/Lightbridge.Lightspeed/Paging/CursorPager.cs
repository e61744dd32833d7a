using System.Runtime.CompilerServices;
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
    private readonly Func<Uri, Func<ReadOnlyMemory<byte>, WirePage>, CancellationToken, Task<WirePage>> _get;
    private readonly ILogger _logger;

    public CursorPager(Func<Uri, Func<ReadOnlyMemory<byte>, WirePage>, CancellationToken, Task<WirePage>> get, ILogger logger)
    {
        _get = get;
        _logger = logger;
    }

    /// <summary>Every record of every page, in order, as its bytes.</summary>
    public IAsyncEnumerable<WireRecord> ReadAsync(Uri first, string entityKey, CancellationToken ct = default) =>
        ReadAsync(first, entityKey, body => WirePage.Read(body, entityKey), ct);

    /// <summary>Every record of every page, in order, each read into a <typeparamref name="TDto"/> with its page.</summary>
    public IAsyncEnumerable<WireRecord> ReadAsAsync<TDto>(Uri first, string entityKey, CancellationToken ct = default)
        where TDto : class =>
        ReadAsync(first, entityKey, body => WirePage.ReadAs<TDto>(body, entityKey), ct);

    private async IAsyncEnumerable<WireRecord> ReadAsync(
        Uri first, string entityKey, Func<ReadOnlyMemory<byte>, WirePage> read, [EnumeratorCancellation] CancellationToken ct)
    {
        var url = first;
        var visited = new HashSet<string>(StringComparer.Ordinal) { first.OriginalString };
        var page = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var wirePage = await _get(url, read, ct).ConfigureAwait(false);
            Log.PageRead(_logger, entityKey, ++page, wirePage.Records.Count);
            foreach (var record in wirePage.Records)
            {
                yield return record;
            }

            var next = wirePage.Next;

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
