namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary><c>archived=false|true|only</c>: false (the default) hides archived rows, true shows both (reference section 4).</summary>
internal enum ArchivedMode
{
    Exclude,
    Include,
    Only,
}
