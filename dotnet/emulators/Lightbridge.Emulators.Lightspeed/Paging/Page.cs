namespace Lightbridge.Emulators.Lightspeed.Paging;

/// <summary>One page of rows and the cursors for the neighbouring pages (null where there is none).</summary>
internal sealed record Page<T>(IReadOnlyList<T> Rows, PageCursor? Next, PageCursor? Previous);
