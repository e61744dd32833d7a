using Lightbridge.Emulators.Lightspeed.Paging;

namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>A validated list or single-record request: filters, relations, sort, limit and cursor.</summary>
internal sealed class ListRequest
{
    public List<FilterCondition> Conditions { get; } = [];

    public List<FilterCondition> OrConditions { get; } = [];

    public ArchivedMode Archived { get; set; } = ArchivedMode.Exclude;

    public SortSpec? Sort { get; set; }

    public int Limit { get; set; } = ListRequestParser.MaxLimit;

    public PageCursor? After { get; set; }

    public PageCursor? Before { get; set; }

    public bool Count { get; set; }

    /// <summary>Relations to embed, nested parents included.</summary>
    public HashSet<string> Relations { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// True when relations came PHP-style (<c>load_relations[0]=…</c>): the real API then answers with an empty
    /// result (shared/reference/lightspeed-api.md section 9 item 13, issue tdc20).
    /// </summary>
    public bool PhpStyleRelations { get; set; }

    /// <summary>The raw query pairs that next/previous URLs carry over (everything but after/before).</summary>
    public List<KeyValuePair<string, string>> CarriedParameters { get; } = [];
}
