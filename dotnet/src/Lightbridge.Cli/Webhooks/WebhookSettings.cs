using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Webhooks;

/// <summary>
/// The <c>Webhooks</c> section: whether <c>run</c> accepts X-Series change notices at <see cref="WebhookEndpoint.Path"/>
/// on its health listener (loopback unless <c>Health:Urls</c> says otherwise), and the key their signature is checked
/// with.
/// </summary>
/// <param name="Enabled">Whether the endpoint is mapped (<c>Webhooks:Enabled</c>, default false).</param>
/// <param name="Secret">The signing key (<c>Webhooks:Secret</c>; default the client secret of the first X-Series account).</param>
/// <param name="RequireSignature">Whether an unsigned notice is refused (<c>Webhooks:RequireSignature</c>, default true).</param>
internal sealed record WebhookSettings(bool Enabled, string? Secret, bool RequireSignature)
{
    /// <summary>Reads the section; a value that is not a boolean is a problem naming its setting.</summary>
    public static WebhookSettings Read(IConfiguration configuration, string? clientSecret, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var enabled = ReadBool(configuration, "Webhooks:Enabled", false, problems);
        var require = ReadBool(configuration, "Webhooks:RequireSignature", true, problems);
        var secret = configuration["Webhooks:Secret"];
        if (string.IsNullOrWhiteSpace(secret))
        {
            secret = clientSecret;
        }

        if (enabled && require && string.IsNullOrWhiteSpace(secret))
        {
            problems.Add("Webhooks:Secret is required to check notices' signatures (or set Webhooks:RequireSignature to false).");
        }

        return new WebhookSettings(enabled, string.IsNullOrWhiteSpace(secret) ? null : secret, require);
    }

    /// <inheritdoc />
    public override string ToString() => $"WebhookSettings {{ Enabled = {Enabled}, Secret = {(Secret is null ? "(none)" : "***")}, RequireSignature = {RequireSignature} }}";

    private static bool ReadBool(IConfiguration configuration, string key, bool fallback, List<string> problems)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add($"{key}: '{text}' is not true or false.");
        return fallback;
    }
}
