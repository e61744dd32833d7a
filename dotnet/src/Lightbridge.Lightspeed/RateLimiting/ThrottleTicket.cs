namespace Lightbridge.Lightspeed.RateLimiting;

/// <summary>A request booked in the throttle: what kind it is, the cost it was booked at, and when it was let go.</summary>
internal readonly record struct ThrottleTicket(string CostKey, double Cost, DateTimeOffset ReleasedAt);
