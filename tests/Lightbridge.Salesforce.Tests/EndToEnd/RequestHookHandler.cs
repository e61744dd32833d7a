namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>
/// Sends over real sockets (no redirects followed) after showing each request to <see cref="OnRequest"/>, so a test
/// can act at an exact point of a workflow (cancel during the upload, expire sessions during a poll) without timing.
/// </summary>
internal sealed class RequestHookHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    public Action<HttpRequestMessage>? OnRequest { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        OnRequest?.Invoke(request);
        return base.SendAsync(request, cancellationToken);
    }
}
