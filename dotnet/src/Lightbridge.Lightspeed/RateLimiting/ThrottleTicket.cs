namespace Lightbridge.Lightspeed.RateLimiting;

/// <summary>A request booked in the throttle: what kind it is and the cost it was booked at.</summary>
internal readonly record struct ThrottleTicket(string CostKey, double Cost);
