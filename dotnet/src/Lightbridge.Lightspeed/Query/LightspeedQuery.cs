using System.Text;
using Lightbridge.Lightspeed.Query;

namespace Lightbridge.Lightspeed;

/// <summary>
/// Builds the query string of a list or record request, encoded exactly once: operators and their comma
/// travel inside the value (<c>timeStamp=%3E%3D%2C2024-01-01T00%3A00%3A00%2B00%3A00</c>), <c>+</c> as
/// <c>%2B</c> so it does not become a space, and <c>load_relations</c> as one JSON array, since the
/// PHP-style <c>load_relations[0]=…</c> returns an empty result (shared/reference/lightspeed-api.md §4, §9.9, §9.13).
/// </summary>
/// <example><code>
/// var query = new LightspeedQuery()
///     .Where("timeStamp", FilterOperator.GreaterThanOrEqual, checkpoint)
///     .SortBy("timeStamp")
///     .LoadRelations("Contact");
/// </code></example>
public sealed class LightspeedQuery
{
    /// <summary>The largest page the API serves (§4).</summary>
    public const int MaxLimit = 100;

    private readonly List<LightspeedFilter> _filters = [];
    private readonly List<IReadOnlyList<LightspeedFilter>> _ors = [];
    private readonly List<string> _relations = [];
    private readonly List<KeyValuePair<string, string>> _extra = [];
    private ArchivedFilter? _archived;
    private string? _sort;
    private int? _limit;

    /// <summary>The relations to load, in order.</summary>
    public IReadOnlyList<string> Relations => _relations;

    /// <summary>Adds a condition (all conditions must hold).</summary>
    public LightspeedQuery Where(string field, FilterOperator op, params string[] values) => Where(LightspeedFilter.Create(field, op, values));

    /// <summary>Adds a condition on an instant, written in UTC.</summary>
    public LightspeedQuery Where(string field, FilterOperator op, DateTimeOffset value) => Where(LightspeedFilter.Create(field, op, value));

    /// <summary>Adds a condition.</summary>
    public LightspeedQuery Where(LightspeedFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _filters.Add(filter);
        return this;
    }

    /// <summary>Adds an <c>or</c> group: at least one of the conditions must hold (<c>or=a%3D…|b%3D…</c>).</summary>
    public LightspeedQuery Or(params LightspeedFilter[] operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        if (operands.Length < 2)
        {
            throw new ArgumentException("An or group needs at least two conditions.", nameof(operands));
        }

        _ors.Add([.. operands]);
        return this;
    }

    /// <summary>Chooses whether archived records are read.</summary>
    public LightspeedQuery Archived(ArchivedFilter archived)
    {
        _archived = archived;
        return this;
    }

    /// <summary>Sorts by a sortable field (the API rejects others), ascending unless <paramref name="descending"/>.</summary>
    public LightspeedQuery SortBy(string field, bool descending = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        _sort = descending ? "-" + field : field;
        return this;
    }

    /// <summary>Sets the page size, 1 to 100.</summary>
    public LightspeedQuery Limit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        _limit = limit;
        return this;
    }

    /// <summary>Adds relations to load (duplicates ignored), e.g. <c>"SaleLines"</c>, <c>"SalePayments.PaymentType"</c>.</summary>
    public LightspeedQuery LoadRelations(params string[] relations)
    {
        ArgumentNullException.ThrowIfNull(relations);
        foreach (var relation in relations)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(relation);
            if (relation.Contains('"', StringComparison.Ordinal) || relation.Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Relation names have no quotes or backslashes: {relation}", nameof(relations));
            }

            if (!_relations.Contains(relation, StringComparer.Ordinal))
            {
                _relations.Add(relation);
            }
        }

        return this;
    }

    /// <summary>Adds any other parameter verbatim (it is URL-encoded once), e.g. <c>count=1</c>.</summary>
    public LightspeedQuery Parameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        _extra.Add(new(name, value));
        return this;
    }

    /// <summary>A copy that can be extended without changing this one.</summary>
    public LightspeedQuery Clone()
    {
        var copy = new LightspeedQuery { _archived = _archived, _sort = _sort, _limit = _limit };
        copy._filters.AddRange(_filters);
        copy._ors.AddRange(_ors);
        copy._relations.AddRange(_relations);
        copy._extra.AddRange(_extra);
        return copy;
    }

    /// <summary>The encoded query string without the leading <c>?</c>; empty when nothing is set.</summary>
    public string ToQueryString()
    {
        var builder = new StringBuilder();
        foreach (var filter in _filters)
        {
            Append(builder, filter.Field, filter.ToRawValue());
        }

        foreach (var group in _ors)
        {
            // Each operand is `field=value` with its `=` (and everything else) encoded, joined by a literal `|`
            // as in Lightspeed's own example: or=description%3Dfoo|description%3Dbar (§4).
            var operands = group.Select(f => Escape(f.Field) + "%3D" + Escape(f.ToRawValue()));
            AppendEncoded(builder, "or", string.Join('|', operands));
        }

        if (_archived is { } archived)
        {
            Append(builder, "archived", archived.ToWire());
        }

        if (_sort is not null)
        {
            Append(builder, "sort", _sort);
        }

        if (_limit is { } limit)
        {
            Append(builder, "limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (_relations.Count > 0)
        {
            Append(builder, "load_relations", "[" + string.Join(',', _relations.Select(r => "\"" + r + "\"")) + "]");
        }

        foreach (var (name, value) in _extra)
        {
            Append(builder, name, value);
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToQueryString();

    private static void Append(StringBuilder builder, string name, string rawValue) => AppendEncoded(builder, name, Escape(rawValue));

    private static void AppendEncoded(StringBuilder builder, string name, string encodedValue)
    {
        if (builder.Length > 0)
        {
            builder.Append('&');
        }

        builder.Append(Escape(name)).Append('=').Append(encodedValue);
    }

    // RFC 3986 escaping: everything but unreserved characters, so `>`, `=`, `,`, `:`, `+`, `[`, `"` are all
    // encoded, each exactly once.
    private static string Escape(string value) => Uri.EscapeDataString(value);
}
