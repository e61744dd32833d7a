using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Salesforce.Rest;

/// <summary>
/// Streams a query's records across pages: the first page from <c>/query?q=</c>, then each
/// <c>nextRecordsUrl</c> until <c>done</c> (shared/reference/salesforce-api.md §2.6). A statement too long for
/// the URI (the URI plus headers may not pass 16,384 bytes, §2.8) goes as a Composite GET subrequest, where the
/// URL travels in the body; its later pages have short locator URLs.
/// </summary>
internal sealed class QueryWorkflow
{
    /// <summary>
    /// The longest encoded path-and-query sent directly. Real orgs answer 414/431 past 16,384 bytes of URI and
    /// headers together; this leaves room for the instance host, the bearer token and the other headers.
    /// </summary>
    public const int MaxDirectPathLength = 12_000;

    private readonly RestApi _api;
    private readonly ILogger _logger;

    public QueryWorkflow(RestApi api, ILogger logger)
    {
        _api = api;
        _logger = logger;
    }

    public async IAsyncEnumerable<JsonElement> ReadAsync(string soql, bool includeDeleted, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(soql);
        var first = QueryPage.Parse(await FirstPageAsync(soql, includeDeleted, ct).ConfigureAwait(false));
        await foreach (var record in RecordsFromAsync(first, ct).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    /// <summary>
    /// Runs several queries, up to five to a Composite call (the most query subrequests one call takes, §2.5), and
    /// streams each one's records with its position in <paramref name="soqls"/>, in that order. A query's later pages
    /// are read directly from its <c>nextRecordsUrl</c>. A query that fails throws, naming its status and errors.
    /// </summary>
    public async IAsyncEnumerable<(int Query, JsonElement Record)> ReadManyAsync(IReadOnlyList<string> soqls, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(soqls);
        foreach (var call in Enumerable.Range(0, soqls.Count).Chunk(CompositeRequestWriter.MaxQueryOrCollectionSubrequests))
        {
            if (call.Length == 1)
            {
                // One query alone costs one call either way; the plain GET is the simpler request.
                await foreach (var record in ReadAsync(soqls[call[0]], includeDeleted: false, ct).ConfigureAwait(false))
                {
                    yield return (call[0], record);
                }

                continue;
            }

            var subrequests = call.Select(i => new CompositeSubrequest(HttpMethod.Get, _api.Routes.Query(soqls[i], includeDeleted: false), "query" + i.ToString(CultureInfo.InvariantCulture))).ToList();
            var json = CompositeRequestWriter.Write(subrequests, allOrNone: false, _api.Routes.Root);
            var response = CompositeResponse.Parse(await _api.CompositeAsync(json, idempotent: true, ct).ConfigureAwait(false));
            foreach (var (index, subrequest) in call.Zip(subrequests))
            {
                var sub = response[subrequest.ReferenceId];
                if (!sub.IsSuccess)
                {
                    throw new SalesforceApiException((System.Net.HttpStatusCode)sub.HttpStatusCode, "GET (composite) " + subrequest.Url.Split('?')[0], sub.Errors);
                }

                await foreach (var record in RecordsFromAsync(QueryPage.Parse(sub.Body.GetRawText()), ct).ConfigureAwait(false))
                {
                    yield return (index, record);
                }
            }
        }
    }

    /// <summary>The records of <paramref name="page"/> and of every page after it, each next one from <c>nextRecordsUrl</c>.</summary>
    private async IAsyncEnumerable<JsonElement> RecordsFromAsync(QueryPage page, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var number = 1; ; number++)
        {
            Log.QueryPageRead(_logger, number, page.Records.Count, page.TotalSize);
            foreach (var record in page.Records)
            {
                yield return record;
            }

            if (page.Done)
            {
                yield break;
            }

            page = QueryPage.Parse(await _api.QueryMoreAsync(page.NextRecordsUrl!, ct).ConfigureAwait(false));
        }
    }

    private async Task<string> FirstPageAsync(string soql, bool includeDeleted, CancellationToken ct)
    {
        var path = _api.Routes.Query(soql, includeDeleted);
        if (path.Length <= MaxDirectPathLength)
        {
            return await _api.QueryAsync(soql, includeDeleted, ct).ConfigureAwait(false);
        }

        var json = CompositeRequestWriter.Write([new CompositeSubrequest(HttpMethod.Get, path, "query")], allOrNone: false, _api.Routes.Root);
        var response = CompositeResponse.Parse(await _api.CompositeAsync(json, idempotent: true, ct).ConfigureAwait(false));
        var sub = response["query"];
        if (!sub.IsSuccess)
        {
            throw new SalesforceApiException((System.Net.HttpStatusCode)sub.HttpStatusCode, "GET (composite) " + path.Split('?')[0], sub.Errors);
        }

        return sub.Body.GetRawText();
    }
}
