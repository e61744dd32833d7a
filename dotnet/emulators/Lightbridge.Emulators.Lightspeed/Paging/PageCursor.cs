namespace Lightbridge.Emulators.Lightspeed.Paging;

/// <summary>A keyset position: the sort key (absent when sorting by the id) and the id of a row.</summary>
internal sealed record PageCursor(bool HasSortValue, object? SortValue, long Id);
