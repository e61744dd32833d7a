using System.CommandLine;
using System.Globalization;
using Lightbridge.Emulators.XSeries;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge emulate xseries</c>: the Lightspeed X-Series (API 2.0) emulator as a standalone server, for
/// exploring the API with curl or pointing a client at it. Prints where it listens and the credentials.
/// </summary>
internal static class EmulateXSeriesCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "Loopback address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "TCP port; 0 lets the system choose a free one.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the data generator, version gaps and webhook drops.", DefaultValueFactory = _ => 1 };
        var outlets = new Option<int>("--outlets") { Description = "Number of outlets to generate.", DefaultValueFactory = _ => 2 };
        var registers = new Option<int>("--registers-per-outlet") { Description = "Registers per outlet (they size the rate limit).", DefaultValueFactory = _ => 1 };
        var customers = new Option<int>("--customers") { Description = "Number of customers to generate.", DefaultValueFactory = _ => 120 };
        var products = new Option<int>("--products") { Description = "Number of products to generate.", DefaultValueFactory = _ => 60 };
        var sales = new Option<int>("--sales") { Description = "Number of sales to generate.", DefaultValueFactory = _ => 300 };
        var days = new Option<int>("--history-days") { Description = "Days of sales history.", DefaultValueFactory = _ => 30 };
        var domainPrefix = new Option<string>("--domain-prefix") { Description = "The retailer's domain prefix.", DefaultValueFactory = _ => "lightbridgedemo" };
        var clientId = new Option<string?>("--client-id") { Description = "OAuth client id (generated and printed when omitted)." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "OAuth client secret, also the webhook signing key (generated and printed when omitted)." };
        var refreshToken = new Option<string?>("--refresh-token") { Description = "The initial refresh token (generated and printed when omitted)." };
        var tokenLifetime = new Option<int>("--token-lifetime") { Description = "Access token lifetime in seconds.", DefaultValueFactory = _ => 604800 };
        var rateLimit = new Option<bool>("--rate-limit") { Description = "Enforce 300 x registers + 50 requests per 5-minute window.", DefaultValueFactory = _ => true };
        var timeScale = new Option<double>("--time-scale") { Description = "Rate-limit window speed-up (10 makes the window 30 s).", DefaultValueFactory = _ => 1 };
        var dropRate = new Option<double>("--webhook-drop-rate") { Description = "Share (0-1) of webhook deliveries dropped.", DefaultValueFactory = _ => 0 };

        var command = new Command("xseries", "Run the Lightspeed Retail (X-Series) API 2.0 emulator.")
        {
            host, port, seed, outlets, registers, customers, products, sales, days, domainPrefix, clientId, clientSecret, refreshToken, tokenLifetime, rateLimit, timeScale, dropRate,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new XSeriesEmulatorOptions
            {
                Host = parseResult.GetValue(host)!,
                Port = parseResult.GetValue(port),
                Seed = parseResult.GetValue(seed),
                Outlets = parseResult.GetValue(outlets),
                RegistersPerOutlet = parseResult.GetValue(registers),
                Customers = parseResult.GetValue(customers),
                Products = parseResult.GetValue(products),
                Sales = parseResult.GetValue(sales),
                HistoryDays = parseResult.GetValue(days),
                DomainPrefix = parseResult.GetValue(domainPrefix)!,
                ClientId = parseResult.GetValue(clientId),
                ClientSecret = parseResult.GetValue(clientSecret),
                RefreshToken = parseResult.GetValue(refreshToken),
                AccessTokenLifetime = TimeSpan.FromSeconds(parseResult.GetValue(tokenLifetime)),
                RateLimit = parseResult.GetValue(rateLimit),
                TimeScale = parseResult.GetValue(timeScale),
                WebhookDropRate = parseResult.GetValue(dropRate),
            };

            var problems = options.Validate();
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync($"lightbridge: {NameTheFlag(problem)}");
                }

                return ExitCodes.BadConfiguration;
            }

            using var shutdown = new ShutdownSignal(cancellationToken);
            await using var emulator = await XSeriesEmulator.StartAsync(options, shutdown.Token);
            PrintBanner(emulator, options);

            try
            {
                await Task.Delay(Timeout.Infinite, shutdown.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping the X-Series emulator.");
            }

            return ExitCodes.Success;
        });

        return command;
    }

    /// <summary>The emulator names its options ("Outlets: ..."); an operator typed flags ("--outlets").</summary>
    private static string NameTheFlag(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return problem;
        }

        var flag = problem[..colon] switch
        {
            nameof(XSeriesEmulatorOptions.Host) => "--host",
            nameof(XSeriesEmulatorOptions.Port) => "--port",
            nameof(XSeriesEmulatorOptions.Outlets) => "--outlets",
            nameof(XSeriesEmulatorOptions.RegistersPerOutlet) => "--registers-per-outlet",
            nameof(XSeriesEmulatorOptions.Customers) => "--customers",
            nameof(XSeriesEmulatorOptions.Products) => "--products",
            nameof(XSeriesEmulatorOptions.Sales) => "--sales",
            nameof(XSeriesEmulatorOptions.HistoryDays) => "--history-days",
            nameof(XSeriesEmulatorOptions.DomainPrefix) => "--domain-prefix",
            nameof(XSeriesEmulatorOptions.AccessTokenLifetime) => "--token-lifetime",
            nameof(XSeriesEmulatorOptions.TimeScale) => "--time-scale",
            nameof(XSeriesEmulatorOptions.WebhookDropRate) => "--webhook-drop-rate",
            _ => null,
        };
        return flag is null ? problem : flag + problem[colon..];
    }

    private static void PrintBanner(XSeriesEmulator emulator, XSeriesEmulatorOptions options)
    {
        // One "Key: value" per line, for people and for scripts.
        var invariant = CultureInfo.InvariantCulture;
        var root = emulator.BaseUrl.ToString().TrimEnd('/');
        Console.WriteLine("Lightspeed X-Series emulator is running.");
        Console.WriteLine(string.Create(invariant, $"Base URL:      {root}"));
        Console.WriteLine(string.Create(invariant, $"API root:      {root}/api/2.0/"));
        Console.WriteLine(string.Create(invariant, $"Token URL:     {emulator.TokenUrl}"));
        Console.WriteLine(string.Create(invariant, $"Webhooks:      {root}/api/webhooks"));
        Console.WriteLine(string.Create(invariant, $"Control URL:   {root}/_control/"));
        Console.WriteLine(string.Create(invariant, $"Domain prefix: {emulator.DomainPrefix}"));
        Console.WriteLine(string.Create(invariant, $"Client id:     {emulator.ClientId}"));
        Console.WriteLine(string.Create(invariant, $"Client secret: {emulator.ClientSecret}"));
        Console.WriteLine(string.Create(invariant, $"Refresh token: {emulator.InitialRefreshToken}"));
        if (emulator.CredentialsDefaulted)
        {
            // Printing credentials is the point of an emulator; they are generated, not anybody's secrets.
            Console.WriteLine("(credentials not given on the command line were generated; pass --client-id, --client-secret and --refresh-token to choose them)");
        }

        Console.WriteLine(string.Create(invariant, $"Data:          seed {options.Seed}, {options.Outlets} outlets x {options.RegistersPerOutlet} registers, {options.Customers} customers, {options.Products} products, {options.Sales} sales over {options.HistoryDays} days"));
        Console.WriteLine(string.Create(invariant, $"Rate limiting: {(options.RateLimit ? $"{emulator.Control.RateLimit} requests per {emulator.Control.RateLimitWindow.TotalSeconds} s" : "off")}"));
        Console.WriteLine(string.Create(invariant, $"Webhook drops: {options.WebhookDropRate}"));
        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
