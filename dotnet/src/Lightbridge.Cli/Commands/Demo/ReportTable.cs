namespace Lightbridge.Cli.Commands.Demo;

/// <summary>One table of the report, rendered to the console (Spectre.Console) and to <c>report.md</c> alike.</summary>
/// <param name="Title">What the table shows.</param>
/// <param name="Headers">Column headers; columns after the first are right-aligned numbers unless <paramref name="TextColumns"/> says otherwise.</param>
/// <param name="Rows">Cells, row by row.</param>
/// <param name="TextColumns">Columns (by index) holding text, left-aligned.</param>
/// <param name="Note">A sentence under the table, or null.</param>
internal sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> TextColumns, string? Note = null);
