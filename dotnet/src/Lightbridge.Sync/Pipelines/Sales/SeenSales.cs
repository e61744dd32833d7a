using Lightbridge.Core.Model;

namespace Lightbridge.Sync.Pipelines.Sales;

/// <summary>A set of sale ids that keeps only the ids of interest (all of them when none are named).</summary>
internal sealed class SeenSales(IReadOnlyDictionary<LightspeedId, SaleVoid>? ofInterest)
{
    private readonly HashSet<LightspeedId> _ids = [];

    /// <summary>Records <paramref name="id"/> when it is of interest.</summary>
    public void Add(LightspeedId id)
    {
        if (ofInterest is null || ofInterest.ContainsKey(id))
        {
            _ids.Add(id);
        }
    }

    /// <summary>Whether <paramref name="id"/> was recorded (an id not of interest never is).</summary>
    public bool Contains(LightspeedId id) => _ids.Contains(id);

    /// <summary>How many ids are held.</summary>
    public int Count => _ids.Count;
}
