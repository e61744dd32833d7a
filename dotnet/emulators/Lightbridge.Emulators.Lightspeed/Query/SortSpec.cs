namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>The <c>sort</c> parameter: one sortable field, <c>-</c> prefix for descending.</summary>
internal sealed record SortSpec(string Field, bool Descending)
{
    public string ToWire() => Descending ? "-" + Field : Field;
}
