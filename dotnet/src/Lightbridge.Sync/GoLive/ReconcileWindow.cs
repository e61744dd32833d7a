using System.Globalization;

namespace Lightbridge.Sync.GoLive;

/// <summary>
/// The days a reconciliation covers: UTC days <see cref="From"/> to <see cref="To"/>, both included, optionally one
/// store. UTC rather than each store's zone because Salesforce keeps <c>Sale_Time__c</c> in UTC and its date functions
/// group in UTC unless asked otherwise, so both sides cut days at the same instant; a store's evening sales west of
/// Greenwich count on the next UTC day, on both sides alike.
/// </summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day, included.</param>
/// <param name="Store">A Lightspeed shop id to restrict to, or null for every store.</param>
public sealed record ReconcileWindow(DateOnly From, DateOnly To, string? Store)
{
    /// <summary>The first instant of the window.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant after the window (midnight UTC after <see cref="To"/>).</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Every day of the window, in order.</summary>
    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = From; day <= To; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    /// <summary>The problem with the window, naming the option, or null when it is valid.</summary>
    public string? Problem() =>
        To < From ? string.Create(CultureInfo.InvariantCulture, $"--to ({To:yyyy-MM-dd}) is before --from ({From:yyyy-MM-dd}).")
        : To.DayNumber - From.DayNumber >= MaxDays ? string.Create(CultureInfo.InvariantCulture, $"--from to --to spans more than {MaxDays} days; reconcile three years at most at a time.")
        : Store is not null && (Store.Length == 0 || !Store.All(char.IsAsciiDigit)) ? $"--store '{Store}' is not a Lightspeed shop id (digits)."
        : null;

    /// <summary>The longest window, in days (three years): one aggregate query runs per trading day.</summary>
    public const int MaxDays = 1_100;
}
