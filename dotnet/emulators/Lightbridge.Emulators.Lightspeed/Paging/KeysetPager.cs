using Lightbridge.Emulators.Lightspeed.Query;

namespace Lightbridge.Emulators.Lightspeed.Paging;

/// <summary>
/// Keyset paging over rows already in the page order: the table's id order, or a kept order by another sort key whose
/// ties are broken by id, so every row has a unique position (reference section 4). The cursor is found by binary
/// search and the page scanned from there, filtering as it goes, so a page costs its own rows, not the table.
/// </summary>
internal static class KeysetPager
{
    public static Page<T> Fetch<T>(
        IReadOnlyList<T> view,
        Func<T, long> idOf,
        FieldDefinition<T>? sortField,
        bool descending,
        Func<T, bool> filter,
        PageCursor? after,
        PageCursor? before,
        int limit)
    {
        var n = view.Count;
        T At(int i) => descending ? view[n - 1 - i] : view[i];
        bool Match(int i) => filter(At(i));
        int CompareToCursor(T row, PageCursor cursor)
        {
            var c = 0;
            if (sortField is not null)
            {
                c = FieldComparer.Compare(sortField.Get(row), cursor.SortValue);
            }

            if (c == 0)
            {
                c = idOf(row).CompareTo(cursor.Id);
            }

            return descending ? -c : c;
        }

        // First index whose row sorts after (strict) or at-or-after the cursor.
        int FirstIndex(PageCursor cursor, bool strict)
        {
            int lo = 0, hi = n;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                var c = CompareToCursor(At(mid), cursor);
                if (strict ? c <= 0 : c < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        bool AnyMatch(int from, int step)
        {
            for (var i = from; i >= 0 && i < n; i += step)
            {
                if (Match(i))
                {
                    return true;
                }
            }

            return false;
        }

        PageCursor CursorOf(T row) => new(sortField is not null, sortField?.Get(row), idOf(row));

        var rows = new List<T>(Math.Min(limit, 128));
        if (before is not null)
        {
            var i = FirstIndex(before, strict: false) - 1;
            for (; i >= 0 && rows.Count < limit; i--)
            {
                if (Match(i))
                {
                    rows.Add(At(i));
                }
            }

            rows.Reverse();
            if (rows.Count == 0)
            {
                return new Page<T>(rows, null, null);
            }

            var hasPrevious = AnyMatch(i, -1);
            var hasNext = AnyMatch(FirstIndex(CursorOf(rows[^1]), strict: true), 1);
            return new Page<T>(rows, hasNext ? CursorOf(rows[^1]) : null, hasPrevious ? CursorOf(rows[0]) : null);
        }
        else
        {
            var start = after is null ? 0 : FirstIndex(after, strict: true);
            var i = start;
            for (; i < n && rows.Count < limit; i++)
            {
                if (Match(i))
                {
                    rows.Add(At(i));
                }
            }

            if (rows.Count == 0)
            {
                return new Page<T>(rows, null, null);
            }

            var hasNext = AnyMatch(i, 1);
            // Page one (no cursor) never has a previous page (reference section 4).
            var hasPrevious = after is not null && AnyMatch(start - 1, -1);
            return new Page<T>(rows, hasNext ? CursorOf(rows[^1]) : null, hasPrevious ? CursorOf(rows[0]) : null);
        }
    }
}
