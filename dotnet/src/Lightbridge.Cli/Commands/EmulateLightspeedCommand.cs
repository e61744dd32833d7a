using System.CommandLine;
using System.Globalization;
using Lightbridge.Emulators.Lightspeed;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge emulate lightspeed</c>: the Lightspeed R-Series emulator as a standalone server, for
/// exploring the API with curl or pointing a client at it. Prints where it listens and the credentials.
/// </summary>
internal static class EmulateLightspeedCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "Loopback address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "TCP port; 0 lets the system choose a free one.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the data generator: the same seed gives the same data.", DefaultValueFactory = _ => 1 };
        var shops = new Option<int>("--shops") { Description = "Number of shops to generate.", DefaultValueFactory = _ => 3 };
        var customers = new Option<int>("--customers") { Description = "Number of customers to generate.", DefaultValueFactory = _ => 200 };
        var items = new Option<int>("--items") { Description = "Number of items to generate.", DefaultValueFactory = _ => 100 };
        var sales = new Option<int>("--sales") { Description = "Number of sales to generate.", DefaultValueFactory = _ => 500 };
        var accountId = new Option<string>("--account-id") { Description = "The Lightspeed account id to serve.", DefaultValueFactory = _ => "120645" };
        var clientId = new Option<string?>("--client-id") { Description = "OAuth client id (generated and printed when omitted)." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "OAuth client secret (generated and printed when omitted)." };
        var refreshToken = new Option<string?>("--refresh-token") { Description = "The initial refresh token (generated and printed when omitted)." };
        var tokenLifetime = new Option<int>("--token-lifetime") { Description = "Access token lifetime in seconds.", DefaultValueFactory = _ => 1800 };
        var bucket = new Option<BucketMode>("--bucket") { Description = "Rate limiting: off, real (the 2026 leaky bucket) or fast (real, with a faster clock).", DefaultValueFactory = _ => BucketMode.Real };
        var timeScale = new Option<double>("--time-scale") { Description = "Bucket clock speed-up used by --bucket fast.", DefaultValueFactory = _ => 20 };

        var command = new Command("lightspeed", "Run the Lightspeed Retail (R-Series) API V3 emulator.")
        {
            host, port, seed, shops, customers, items, sales, accountId, clientId, clientSecret, refreshToken, tokenLifetime, bucket, timeScale,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new LightspeedEmulatorOptions
            {
                Host = parseResult.GetValue(host)!,
                Port = parseResult.GetValue(port),
                Seed = parseResult.GetValue(seed),
                Shops = parseResult.GetValue(shops),
                Customers = parseResult.GetValue(customers),
                Items = parseResult.GetValue(items),
                Sales = parseResult.GetValue(sales),
                AccountId = parseResult.GetValue(accountId)!,
                ClientId = parseResult.GetValue(clientId),
                ClientSecret = parseResult.GetValue(clientSecret),
                RefreshToken = parseResult.GetValue(refreshToken),
                AccessTokenLifetime = TimeSpan.FromSeconds(parseResult.GetValue(tokenLifetime)),
                Bucket = parseResult.GetValue(bucket),
                TimeScale = parseResult.GetValue(bucket) == BucketMode.Fast ? parseResult.GetValue(timeScale) : 1,
            };

            // The emulator's own validation names each option; map its names onto our flags.
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
            await using var emulator = await LightspeedEmulator.StartAsync(options, shutdown.Token);
            PrintBanner(emulator, options);

            try
            {
                await Task.Delay(Timeout.Infinite, shutdown.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping the Lightspeed emulator.");
            }

            return ExitCodes.Success;
        });

        return command;
    }

    /// <summary>The emulator names its options ("Port: ..."); an operator typed flags ("--port").</summary>
    private static string NameTheFlag(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return problem;
        }

        var flag = problem[..colon] switch
        {
            nameof(LightspeedEmulatorOptions.Host) => "--host",
            nameof(LightspeedEmulatorOptions.Port) => "--port",
            nameof(LightspeedEmulatorOptions.Shops) => "--shops",
            nameof(LightspeedEmulatorOptions.Customers) => "--customers",
            nameof(LightspeedEmulatorOptions.Items) => "--items",
            nameof(LightspeedEmulatorOptions.Sales) => "--sales",
            nameof(LightspeedEmulatorOptions.AccountId) => "--account-id",
            nameof(LightspeedEmulatorOptions.AccessTokenLifetime) => "--token-lifetime",
            nameof(LightspeedEmulatorOptions.TimeScale) => "--time-scale",
            _ => null,
        };
        return flag is null ? problem : flag + problem[colon..];
    }

    private static void PrintBanner(LightspeedEmulator emulator, LightspeedEmulatorOptions options)
    {
        // The banner is read by people and by scripts (and by our own process tests): one "Key: value" per line.
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine("Lightspeed R-Series emulator is running.");
        Console.WriteLine(string.Create(invariant, $"Base URL:      {emulator.BaseUrl.ToString().TrimEnd('/')}"));
        Console.WriteLine(string.Create(invariant, $"API root:      {emulator.BaseUrl.ToString().TrimEnd('/')}/API/V3/Account/{emulator.AccountId}/"));
        Console.WriteLine(string.Create(invariant, $"Token URL:     {emulator.TokenUrl}"));
        Console.WriteLine(string.Create(invariant, $"Control URL:   {emulator.BaseUrl.ToString().TrimEnd('/')}/__emulator/"));
        Console.WriteLine(string.Create(invariant, $"Account id:    {emulator.AccountId}"));
        Console.WriteLine(string.Create(invariant, $"Client id:     {emulator.ClientId}"));
        Console.WriteLine(string.Create(invariant, $"Client secret: {emulator.ClientSecret}"));
        Console.WriteLine(string.Create(invariant, $"Refresh token: {emulator.InitialRefreshToken}"));
        if (emulator.CredentialsDefaulted)
        {
            // Printing credentials is the point of an emulator; they are generated, not anybody's secrets.
            Console.WriteLine("(credentials not given on the command line were generated; pass --client-id, --client-secret and --refresh-token to choose them)");
        }

        Console.WriteLine(string.Create(invariant, $"Data:          seed {options.Seed}, {options.Shops} shops, {options.Customers} customers, {options.Items} items, {options.Sales} sales"));
        Console.WriteLine(string.Create(invariant, $"Rate limiting: {options.Bucket.ToString().ToLowerInvariant()}{(options.Bucket == BucketMode.Fast ? $" (clock x{options.TimeScale})" : string.Empty)}"));
        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
