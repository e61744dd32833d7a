namespace Lightbridge.State;

/// <summary>
/// Instants are stored as UTC ticks (Int64), not as BSON dates: BSON dates keep only milliseconds and LiteDB
/// converts them to local time on read, while a checkpoint must round-trip exactly.
/// </summary>
internal static class StateTime
{
    public static long ToTicks(DateTimeOffset instant) => instant.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static LiteDB.BsonValue ToBson(DateTimeOffset? instant) =>
        instant is { } value ? new LiteDB.BsonValue(value.UtcTicks) : LiteDB.BsonValue.Null;

    public static DateTimeOffset? FromBson(LiteDB.BsonValue value) =>
        value.IsNull ? null : FromTicks(value.AsInt64);
}
