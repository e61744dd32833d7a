namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>
/// Rows in ascending id order with a by-id index. Ids only grow, so appending keeps the order and paging by id
/// never sorts (the 10,000-sale pull stays fast). Orders by another field are kept once made (<see cref="OrderedBy"/>):
/// a backfill pages 300,000 sales by <c>completeTime</c>, and sorting them again for every page of 100 made the
/// emulator, not the client, set the pace.
/// </summary>
internal sealed class RecordTable<T>(Func<T, int> idOf)
    where T : class
{
    private readonly List<T> _rows = [];
    private readonly Dictionary<int, T> _byId = [];
    private readonly Dictionary<string, OrderedView> _views = new(StringComparer.Ordinal);
    private long _generation;

    public IReadOnlyList<T> Rows => _rows;

    public int Count => _rows.Count;

    public int NextId => _rows.Count == 0 ? 1 : idOf(_rows[^1]) + 1;

    public void Add(T row)
    {
        var id = idOf(row);
        if (_rows.Count > 0 && id <= idOf(_rows[^1]))
        {
            throw new InvalidOperationException($"Ids must grow: {id} after {idOf(_rows[^1])}.");
        }

        _rows.Add(row);
        _byId.Add(id, row);
        _generation++;
    }

    public T? Find(int id) => _byId.GetValueOrDefault(id);

    public void Clear()
    {
        _rows.Clear();
        _byId.Clear();
        _views.Clear();
        _generation++;
    }

    /// <summary>
    /// Every row in the order <paramref name="comparison"/> gives (which must break ties, e.g. by id), kept between
    /// calls under <paramref name="key"/>. Rows are edited in place (a void moves <c>timeStamp</c>), so a kept order is
    /// reused only if no row was added since and one pass finds it still in order; otherwise it is sorted again. The
    /// pass costs a comparison per row, the sort it saves n log n of them. Callers hold the store's gate.
    /// </summary>
    public IReadOnlyList<T> OrderedBy(string key, Comparison<T> comparison)
    {
        if (_views.TryGetValue(key, out var view) && view.Generation == _generation && InOrder(view.Rows, comparison))
        {
            return view.Rows;
        }

        var rows = new List<T>(_rows);
        rows.Sort(comparison);
        _views[key] = new OrderedView(_generation, rows);
        return rows;
    }

    private static bool InOrder(List<T> rows, Comparison<T> comparison)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (comparison(rows[i - 1], rows[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record OrderedView(long Generation, List<T> Rows);
}
