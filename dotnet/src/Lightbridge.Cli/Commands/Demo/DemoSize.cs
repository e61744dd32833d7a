namespace Lightbridge.Cli.Commands.Demo;

/// <summary>The generated account.</summary>
internal sealed record DemoSize(int Shops, int Customers, int Items, int Sales, int Seed);
