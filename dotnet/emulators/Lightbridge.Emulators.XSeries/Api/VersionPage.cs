using System.Globalization;
using Lightbridge.Emulators.XSeries.Data;

namespace Lightbridge.Emulators.XSeries.Api;

/// <summary>
/// The version cursor (reference section 7, X:page): rows with <c>after &lt; version &lt; before</c> in ascending
/// version, at most <c>page_size</c> of them (default 100, capped at 200). Clients continue with
/// <c>after=version.max</c> and stop on an empty page.
/// </summary>
internal sealed record VersionQuery(long After, long? Before, int PageSize, bool IncludeDeleted)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 200;

    public static bool TryParse(IReadOnlyDictionary<string, string> query, out VersionQuery result, out string? error)
    {
        result = new VersionQuery(0, null, DefaultPageSize, false);
        error = null;
        long after = 0;
        long? before = null;
        var size = DefaultPageSize;
        if (query.TryGetValue("after", out var a) && !long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            error = $"after: '{a}' is not a non-negative integer version.";
            return false;
        }

        if (query.TryGetValue("before", out var b))
        {
            if (!long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                error = $"before: '{b}' is not a non-negative integer version.";
                return false;
            }

            before = parsed;
        }

        if (query.TryGetValue("page_size", out var p) && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            error = $"page_size: '{p}' is not a positive integer.";
            return false;
        }

        var deleted = query.TryGetValue("deleted", out var d) && (d == "true" || d == "1");
        result = new VersionQuery(after, before, Math.Min(size, MaxPageSize), deleted);
        return true;
    }

    public IReadOnlyList<VersionedRecord> Apply(IEnumerable<VersionedRecord> rows, bool hidesDeleted) =>
        rows.Where(r => r.Version > After && (Before is null || r.Version < Before) && (!hidesDeleted || IncludeDeleted || r.DeletedAt is null))
            .OrderBy(r => r.Version)
            .Take(PageSize)
            .ToList();
}
