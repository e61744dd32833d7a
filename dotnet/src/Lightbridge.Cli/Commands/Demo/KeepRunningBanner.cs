namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// What <c>--keep-running</c> prints: where the emulators and the worker listen and the credentials to reach them, one
/// "Key: value" a line, so a user can explore with curl or point jsforce at the org. Printing credentials is the point of
/// an emulator; they are generated for this run, nobody's secrets.
/// </summary>
internal static class KeepRunningBanner
{
    public static void Print(DemoEmulators emulators, DemoWorker worker, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(options);
        var lightspeed = emulators.Lightspeed;
        var salesforce = emulators.Salesforce;
        var login = salesforce.LoginUrl.ToString().TrimEnd('/');
        Console.WriteLine();
        Console.WriteLine("The emulators and the worker keep running (the worker on its default schedules). Press Ctrl+C to stop.");
        Console.WriteLine($"Lightspeed base URL:       {lightspeed.BaseUrl.ToString().TrimEnd('/')}");
        Console.WriteLine($"Lightspeed API root:       {lightspeed.BaseUrl.ToString().TrimEnd('/')}/API/V3/Account/{lightspeed.AccountId}/");
        Console.WriteLine($"Lightspeed token URL:      {lightspeed.TokenUrl}");
        Console.WriteLine($"Lightspeed control URL:    {emulators.LightspeedControlUrl}");
        Console.WriteLine($"Lightspeed account id:     {lightspeed.AccountId}");
        Console.WriteLine($"Lightspeed client id:      {lightspeed.ClientId}");
        Console.WriteLine($"Lightspeed client secret:  {lightspeed.ClientSecret}");
        // The worker holds the initial token's chain; a chain of its own lets the user refresh without logging the worker out.
        Console.WriteLine($"Lightspeed refresh token:  {lightspeed.Control.IssueRefreshToken()}");
        Console.WriteLine($"Salesforce login URL:      {login}");
        Console.WriteLine($"Salesforce instance URL:   {salesforce.InstanceUrl.ToString().TrimEnd('/')}");
        Console.WriteLine($"Salesforce control URL:    {emulators.SalesforceControlUrl}");
        Console.WriteLine($"Salesforce client id:      {salesforce.ClientId}");
        Console.WriteLine($"Salesforce client secret:  {salesforce.ClientSecret}");
        Console.WriteLine($"Salesforce username:       {salesforce.Username}");
        Console.WriteLine($"Salesforce token:          curl -s -X POST {login}/services/oauth2/token -d grant_type=client_credentials -d client_id={salesforce.ClientId} -d client_secret={salesforce.ClientSecret}");
        Console.WriteLine($"Worker health and metrics: {worker.HealthUrl.ToString().TrimEnd('/')}/healthz, /readyz, /status, /metrics");
        Console.WriteLine($"State file:                {options.StatePath}");
    }
}
