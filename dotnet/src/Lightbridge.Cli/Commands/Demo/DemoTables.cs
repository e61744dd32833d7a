using Spectre.Console;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>Prints the report's tables to the console with Spectre.Console.</summary>
internal static class DemoTables
{
    public static void Print(DemoReport report, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns when it cannot ask a terminal; a file or a pipe has room for the whole table.
            AnsiConsole.Profile.Width = 160;
        }

        foreach (var source in ReportTables.From(report))
        {
            var table = new Table().Title($"[bold]{Markup.Escape(source.Title)}[/]").Border(TableBorder.Rounded);
            for (var i = 0; i < source.Headers.Count; i++)
            {
                var column = new TableColumn(Markup.Escape(source.Headers[i]));
                table.AddColumn(source.TextColumns.Contains(i) ? column.LeftAligned() : column.RightAligned());
            }

            foreach (var row in source.Rows)
            {
                table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
            }

            AnsiConsole.WriteLine();
            AnsiConsole.Write(table);
            if (source.Note is { } note)
            {
                AnsiConsole.Write(new Text(note + Environment.NewLine, new Style(decoration: Decoration.Italic)));
            }
        }

        AnsiConsole.WriteLine();
        Console.WriteLine($"State file: {options.StatePath}");
        Console.WriteLine($"Report:     {Path.Combine(options.OutputFolder, DemoReportWriter.MarkdownFile)} (and {DemoReportWriter.JsonFile})");
        Console.WriteLine($"Log:        {options.LogPath}");
    }
}
