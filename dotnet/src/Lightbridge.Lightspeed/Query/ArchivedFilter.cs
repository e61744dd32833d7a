namespace Lightbridge.Lightspeed;

/// <summary>
/// Whether archived records are read. Archiving is Lightspeed's deletion, and archived records are hidden
/// by default (shared/reference/lightspeed-api.md §4, §9.16).
/// </summary>
public enum ArchivedFilter
{
    /// <summary><c>archived=false</c>: live records only (the API's default).</summary>
    Exclude = 0,

    /// <summary><c>archived=true</c>: live and archived records.</summary>
    Include,

    /// <summary><c>archived=only</c>: archived records only.</summary>
    Only,
}
