using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Lightbridge.Salesforce;

/// <summary>
/// The field values of one record as <see cref="SalesforceRecordFields.ToFields"/> returns them: a small insertion-ordered
/// map in two arrays sized to the record, instead of a hash table per record (a batch holds thousands of them until it
/// is loaded). It keeps <see cref="Dictionary{TKey, TValue}"/>'s order exactly, which the Bulk header follows: setting an
/// existing field keeps its place, and a field added after a removal takes the last freed place. Lookups scan the keys
/// while the record is small and use an index built on first use once it is not.
/// </summary>
internal sealed class RecordFieldMap : IReadOnlyDictionary<string, object?>
{
    private const int ScanLimit = 16;

    private string?[] _keys;
    private object?[] _values;
    private int _used;
    private Stack<int>? _freed;
    private Dictionary<string, int>? _index;

    public RecordFieldMap(int capacity)
    {
        _keys = new string?[Math.Max(capacity, 1)];
        _values = new object?[_keys.Length];
    }

    public int Count { get; private set; }

    public IEnumerable<string> Keys => this.Select(p => p.Key);

    public IEnumerable<object?> Values => this.Select(p => p.Value);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The record has no field {key}.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    /// <summary>Sets <paramref name="key"/>: in place when present, else in the last freed place or at the end.</summary>
    public void Set(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var i = IndexOf(key);
        if (i < 0)
        {
            if (_freed is { Count: > 0 })
            {
                i = _freed.Pop();
            }
            else
            {
                if (_used == _keys.Length)
                {
                    Array.Resize(ref _keys, _keys.Length * 2);
                    Array.Resize(ref _values, _keys.Length);
                }

                i = _used++;
            }

            _keys[i] = key;
            Count++;
            _index?.Add(key, i);
        }

        _values[i] = value;
    }

    public void Remove(string key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return;
        }

        _keys[i] = null;
        _values[i] = null;
        Count--;
        _index?.Remove(key);
        (_freed ??= new Stack<int>()).Push(i);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _used; i++)
        {
            if (_keys[i] is { } key)
            {
                yield return new KeyValuePair<string, object?>(key, _values[i]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        if (_used > ScanLimit)
        {
            if (_index is null)
            {
                _index = new Dictionary<string, int>(_used, StringComparer.Ordinal);
                for (var i = 0; i < _used; i++)
                {
                    if (_keys[i] is { } present)
                    {
                        _index[present] = i;
                    }
                }
            }

            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _used; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
