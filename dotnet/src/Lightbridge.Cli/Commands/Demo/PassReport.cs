namespace Lightbridge.Cli.Commands.Demo;

/// <summary>One pass of every entity.</summary>
/// <param name="Name">full or incremental.</param>
/// <param name="Runs">One run per entity, in dependency order.</param>
internal sealed record PassReport(string Name, IReadOnlyList<EntityRun> Runs);
