namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>
/// Rows in ascending id order with a by-id index. Ids only grow, so appending keeps the order and paging by id
/// never sorts (the 10,000-sale pull stays fast).
/// </summary>
internal sealed class RecordTable<T>(Func<T, int> idOf)
    where T : class
{
    private readonly List<T> _rows = [];
    private readonly Dictionary<int, T> _byId = [];

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
    }

    public T? Find(int id) => _byId.GetValueOrDefault(id);

    public void Clear()
    {
        _rows.Clear();
        _byId.Clear();
    }
}
