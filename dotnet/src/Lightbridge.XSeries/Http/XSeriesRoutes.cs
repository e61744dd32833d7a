using System.Globalization;

namespace Lightbridge.XSeries.Http;

/// <summary>Builds the API 2.0 URLs: <c>{BaseUrl}/api/2.0/{resource}</c> with the version cursor, or one record by id.</summary>
internal sealed class XSeriesRoutes
{
    private readonly Uri _apiRoot;

    public XSeriesRoutes(XSeriesClientOptions options)
    {
        _apiRoot = new Uri(options.BaseUrlWithSlash(), "api/2.0/");
    }

    /// <summary>A list page: <c>page_size</c>, then <c>after</c> (the previous page's <c>version.max</c>) and <c>deleted=true</c> when asked.</summary>
    public Uri List(string resource, int pageSize, long? after, bool includeDeleted)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"page_size={pageSize}");
        if (after is { } version)
        {
            query += string.Create(CultureInfo.InvariantCulture, $"&after={version}");
        }

        if (includeDeleted)
        {
            query += "&deleted=true";
        }

        return new Uri(_apiRoot, $"{resource}?{query}");
    }

    /// <summary>One record: <c>/api/2.0/{resource}/{id}</c>, the id escaped.</summary>
    public Uri Record(string resource, string id) => new(_apiRoot, $"{resource}/{Uri.EscapeDataString(id)}");
}
