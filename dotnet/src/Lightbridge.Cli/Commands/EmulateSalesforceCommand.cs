using System.CommandLine;
using System.Globalization;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge emulate salesforce</c>: the Salesforce emulator as a standalone server, its schema read
/// from the package in <c>force-app/</c>. Prints the login URL and the credentials a client needs.
/// </summary>
internal static class EmulateSalesforceCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "Loopback address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "TCP port; 0 lets the system choose a free one.", DefaultValueFactory = _ => 0 };
        var metadata = new Option<string>("--metadata") { Description = "The SFDX package folder the org's schema is read from.", DefaultValueFactory = _ => "force-app" };
        var clientId = new Option<string?>("--client-id") { Description = "Connected app consumer key (generated and printed when omitted)." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "Connected app consumer secret (generated and printed when omitted)." };
        var certificate = new Option<string?>("--certificate") { Description = "PEM certificate that JWT bearer assertions are checked against (a key pair is generated when omitted)." };
        var username = new Option<string>("--username") { Description = "The integration user's username.", DefaultValueFactory = _ => "integration@lightbridge.example" };
        var apiLimit = new Option<int>("--daily-api-limit") { Description = "Daily API request allocation.", DefaultValueFactory = _ => 100_000 };

        var command = new Command("salesforce", "Run the Salesforce emulator (REST, Bulk API 2.0, streaming) with the schema of force-app/.")
        {
            host, port, metadata, clientId, clientSecret, certificate, username, apiLimit,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var metadataPath = parseResult.GetValue(metadata)!;
            if (!Directory.Exists(metadataPath))
            {
                await Console.Error.WriteLineAsync($"lightbridge: --metadata: the folder '{metadataPath}' does not exist (run from the repository root, or point it at force-app).");
                return ExitCodes.BadConfiguration;
            }

            var certificatePath = parseResult.GetValue(certificate);
            if (certificatePath is not null && !File.Exists(certificatePath))
            {
                await Console.Error.WriteLineAsync($"lightbridge: --certificate: the file '{certificatePath}' does not exist.");
                return ExitCodes.BadConfiguration;
            }

            var portValue = parseResult.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                await Console.Error.WriteLineAsync($"lightbridge: --port: {portValue} is outside 0–65535.");
                return ExitCodes.BadConfiguration;
            }

            var options = new SalesforceEmulatorOptions
            {
                Host = parseResult.GetValue(host)!,
                Port = portValue,
                MetadataPath = metadataPath,
                ClientId = parseResult.GetValue(clientId),
                ClientSecret = parseResult.GetValue(clientSecret),
                CertificatePath = certificatePath,
                Username = parseResult.GetValue(username)!,
                DailyApiLimit = parseResult.GetValue(apiLimit),
            };

            using var shutdown = new ShutdownSignal(cancellationToken);
            await using var emulator = await SalesforceEmulator.StartAsync(options, shutdown.Token);
            var keyPath = await WriteGeneratedKeyAsync(emulator, shutdown.Token);
            PrintBanner(emulator, keyPath);

            try
            {
                await Task.Delay(Timeout.Infinite, shutdown.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping the Salesforce emulator.");
            }
            finally
            {
                if (keyPath is not null)
                {
                    File.Delete(keyPath);
                }
            }

            return ExitCodes.Success;
        });

        return command;
    }

    /// <summary>
    /// A generated key pair exists only for this run; its private key goes to a file readable by the
    /// current user only, so a client can sign JWT bearer assertions with it, and is deleted on exit.
    /// </summary>
    private static async Task<string?> WriteGeneratedKeyAsync(SalesforceEmulator emulator, CancellationToken cancellationToken)
    {
        if (emulator.GeneratedPrivateKeyPem is null)
        {
            return null;
        }

        var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"lightbridge-salesforce-emulator-{emulator.InstanceUrl.Port}.key.pem"));
        await File.WriteAllTextAsync(path, emulator.GeneratedPrivateKeyPem, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    private static void PrintBanner(SalesforceEmulator emulator, string? keyPath)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine("Salesforce emulator is running.");
        Console.WriteLine(string.Create(invariant, $"Login URL:     {emulator.LoginUrl.ToString().TrimEnd('/')}"));
        Console.WriteLine(string.Create(invariant, $"Token URL:     {emulator.LoginUrl.ToString().TrimEnd('/')}/services/oauth2/token"));
        Console.WriteLine(string.Create(invariant, $"Instance URL:  {emulator.InstanceUrl.ToString().TrimEnd('/')}"));
        Console.WriteLine(string.Create(invariant, $"Control URL:   {emulator.InstanceUrl.ToString().TrimEnd('/')}/__emulator/"));
        Console.WriteLine(string.Create(invariant, $"Username:      {emulator.Username}"));
        Console.WriteLine(string.Create(invariant, $"Client id:     {emulator.ClientId}"));
        Console.WriteLine(string.Create(invariant, $"Client secret: {emulator.ClientSecret}"));
        if (keyPath is not null)
        {
            Console.WriteLine(string.Create(invariant, $"Private key:   {keyPath}"));
        }

        if (emulator.CredentialsDefaulted)
        {
            Console.WriteLine("(credentials not given on the command line were generated; pass --client-id, --client-secret and --certificate to choose them)");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
