using System.Collections.Concurrent;

namespace Lightbridge.Salesforce.DryRun;

/// <summary>What a dry run would have written: records per object and operation, in the order first seen.</summary>
public sealed class DryRunLedger
{
    private readonly ConcurrentDictionary<(string Object, string Operation), long> _counts = new();
    private readonly ConcurrentQueue<(string Object, string Operation)> _order = new();

    /// <summary>Adds <paramref name="records"/> records of <paramref name="sObject"/> to <paramref name="operation"/>.</summary>
    public void Add(string sObject, string operation, long records)
    {
        var key = (sObject, operation);
        if (_counts.TryAdd(key, 0))
        {
            _order.Enqueue(key);
        }

        _counts.AddOrUpdate(key, records, (_, n) => n + records);
    }

    /// <summary>Every (object, operation) with its record count, in the order first seen.</summary>
    public IReadOnlyList<(string Object, string Operation, long Records)> Entries =>
        _order.Select(k => (k.Object, k.Operation, _counts[k])).ToList();

    /// <summary>Records that would have been written, all objects together.</summary>
    public long Total => _counts.Values.Sum();
}
