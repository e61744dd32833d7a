namespace Lightbridge.Emulators.Lightspeed;

/// <summary>State of the background traffic: whether it runs, its rates, and what it has produced so far.</summary>
public sealed record TrafficStatus(bool Running, double SalesPerMinute, double EditsPerMinute, long SalesAdded, long CustomersEdited);
