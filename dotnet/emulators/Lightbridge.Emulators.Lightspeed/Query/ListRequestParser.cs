using System.Globalization;
using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Paging;

namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>
/// Validates the query string of a GET against one endpoint, following shared/reference/lightspeed-api.md
/// section 4: operator filters, <c>or</c>, <c>archived</c>, <c>sort</c> (sortable fields only), <c>limit</c> capped
/// at 100, <c>load_relations</c> as a JSON array, <c>count=1</c> alone, and V3 <c>after</c>/<c>before</c> cursors.
/// </summary>
internal static class ListRequestParser
{
    public const int MaxLimit = 100;

    public static bool TryParse(IEntityDefinition entity, string? rawQuery, out ListRequest request, out string? error)
    {
        request = new ListRequest();
        error = null;
        string? sortText = null, afterText = null, beforeText = null;
        var limitGiven = false;
        foreach (var (name, raw) in QueryStringReader.ReadRaw(rawQuery))
        {
            if (name is not ("after" or "before"))
            {
                request.CarriedParameters.Add(new KeyValuePair<string, string>(name, raw));
            }

            if (name.StartsWith("load_relations[", StringComparison.Ordinal))
            {
                request.PhpStyleRelations = true;
                continue;
            }

            var value = QueryStringReader.Decode(raw);
            switch (name)
            {
                case "load_relations":
                    if (!TryParseRelations(entity, value, request.Relations, out error))
                    {
                        return false;
                    }

                    break;
                case "limit":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
                    {
                        error = $"Invalid limit '{value}'.";
                        return false;
                    }

                    // Larger limits are capped, not rejected (reference section 9 item 12).
                    request.Limit = Math.Min(limit, MaxLimit);
                    limitGiven = true;
                    break;
                case "sort":
                    sortText = value;
                    break;
                case "after":
                    afterText = value;
                    break;
                case "before":
                    beforeText = value;
                    break;
                case "count":
                    request.Count = value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase);
                    break;
                case "archived":
                    request.Archived = value.ToUpperInvariant() switch
                    {
                        "TRUE" or "1" => ArchivedMode.Include,
                        "ONLY" => ArchivedMode.Only,
                        "FALSE" or "0" or "" => ArchivedMode.Exclude,
                        _ => ArchivedMode.Exclude,
                    };
                    break;
                case "or":
                    if (!OrParser.TryParse(raw, out var ors, out error) || !CheckFields(entity, ors, out error))
                    {
                        return false;
                    }

                    request.OrConditions.AddRange(ors);
                    break;
                case "offset":
                    error = "offset paging is V2 only; V3 pages with the after/before cursors in @attributes.next/previous.";
                    return false;
                default:
                    if (!FilterParser.TryParse(name, value, out var condition, out error) || !CheckFields(entity, [condition!], out error))
                    {
                        return false;
                    }

                    request.Conditions.Add(condition!);
                    break;
            }
        }

        if (request.Count && (sortText is not null || limitGiven || afterText is not null || beforeText is not null))
        {
            error = "count=1 cannot be combined with sort, limit, after or before.";
            return false;
        }

        if (afterText is not null && beforeText is not null)
        {
            error = "Use either after or before, not both.";
            return false;
        }

        if (sortText is not null && !TryParseSort(entity, sortText, request, out error))
        {
            return false;
        }

        var sortKind = request.Sort is null || request.Sort.Field == entity.IdField ? (FieldKind?)null : entity.KindOf(request.Sort.Field);
        foreach (var (text, isAfter) in new[] { (afterText, true), (beforeText, false) })
        {
            if (text is null)
            {
                continue;
            }

            if (!CursorCodec.TryDecode(text, sortKind, out var cursor))
            {
                error = $"Invalid {(isAfter ? "after" : "before")} cursor: follow @attributes.next/previous verbatim.";
                return false;
            }

            if (isAfter)
            {
                request.After = cursor;
            }
            else
            {
                request.Before = cursor;
            }
        }

        return true;
    }

    private static bool TryParseSort(IEntityDefinition entity, string text, ListRequest request, out string? error)
    {
        error = null;
        var descending = text.StartsWith('-');
        var field = descending ? text[1..] : text;
        if (!entity.SortableFields.Contains(field, StringComparer.Ordinal))
        {
            error = $"Invalid sort field '{field}' for {entity.Name}. Sortable fields are: {string.Join(", ", entity.SortableFields)}.";
            return false;
        }

        request.Sort = new SortSpec(field, descending);
        return true;
    }

    private static bool CheckFields(IEntityDefinition entity, IEnumerable<FilterCondition> conditions, out string? error)
    {
        error = null;
        foreach (var c in conditions)
        {
            if (entity.KindOf(c.Field) is null)
            {
                error = $"Invalid field '{c.Field}' for {entity.Name}.";
                return false;
            }
        }

        return true;
    }

    /// <summary>Accepts <c>all</c> or a JSON array of relation names; nested names bring their parent.</summary>
    internal static bool TryParseRelations(IEntityDefinition entity, string value, HashSet<string> relations, out string? error)
    {
        error = null;
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var r in entity.Relations)
            {
                relations.Add(r.Name);
            }

            return true;
        }

        string[]? names;
        try
        {
            names = JsonSerializer.Deserialize<string[]>(value);
        }
        catch (JsonException)
        {
            names = null;
        }

        if (names is null)
        {
            error = "load_relations must be a JSON array, e.g. load_relations=[\"Contact\"].";
            return false;
        }

        foreach (var name in names)
        {
            var relation = entity.Relations.FirstOrDefault(r => r.Name == name);
            if (relation is null)
            {
                error = $"Invalid relation '{name}' for {entity.Name}.";
                return false;
            }

            relations.Add(relation.Name);
            if (relation.Parent is not null)
            {
                relations.Add(relation.Parent);
            }
        }

        return true;
    }
}
