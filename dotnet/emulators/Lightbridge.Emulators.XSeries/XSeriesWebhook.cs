namespace Lightbridge.Emulators.XSeries;

/// <summary>A webhook subscription: deliveries of <see cref="Type"/> (e.g. <c>sale.update</c>) go to <see cref="Url"/>.</summary>
public sealed record XSeriesWebhook(string Id, string Type, Uri Url, bool Active);
