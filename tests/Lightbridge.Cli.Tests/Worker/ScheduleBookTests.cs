using Lightbridge.Cli.Worker;
using Lightbridge.Core.Failures;
using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Tests.Worker;

[TestFixture]
public sealed class ScheduleBookTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 30, TimeSpan.Zero);
    private static readonly SyncEntity[] Order = [SyncEntity.Shop, SyncEntity.Item, SyncEntity.ItemShop, SyncEntity.Customer, SyncEntity.Sale];

    [Test]
    public void Defaults_CustomersItemsAndSalesEveryMinute_InventoryEveryFive_StoresHourly()
    {
        var book = new ScheduleBook(DefaultSchedules(), Order, Start);

        Assert.Multiple(() =>
        {
            Assert.That(book.NextOf(SyncEntity.Item), Is.EqualTo(Start.AddSeconds(30)));
            Assert.That(book.NextOf(SyncEntity.Customer), Is.EqualTo(Start.AddSeconds(30)));
            Assert.That(book.NextOf(SyncEntity.Sale), Is.EqualTo(Start.AddSeconds(30)));
            Assert.That(book.NextOf(SyncEntity.ItemShop), Is.EqualTo(Start.AddMinutes(5).AddSeconds(-30)));
            Assert.That(book.NextOf(SyncEntity.Shop), Is.EqualTo(Start.AddHours(1).AddSeconds(-30)));
        });
    }

    [Test]
    public void TakeDue_SeveralDueTogether_ReturnsThemInDependencyOrder()
    {
        var book = new ScheduleBook(DefaultSchedules(), Order, Start);

        var due = book.TakeDue(Start.AddMinutes(5));

        Assert.That(due, Is.EqualTo(new[] { SyncEntity.Item, SyncEntity.ItemShop, SyncEntity.Customer, SyncEntity.Sale }));
        Assert.That(book.TakeDue(Start.AddMinutes(5)), Is.Empty, "taken entities are not due again at the same instant");
    }

    [Test]
    public void RunFinished_RunOutlastedSeveralTicks_RunsAgainOnceAtTheFirstTickAfterIt()
    {
        var book = new ScheduleBook(DefaultSchedules(), Order, Start);
        var tick = Start.AddSeconds(30);
        Assert.That(book.TakeDue(tick), Does.Contain(SyncEntity.Item));

        // The Item run took three and a half minutes: three ticks passed while it ran.
        var finished = tick.AddMinutes(3.5);
        book.RunFinished(SyncEntity.Item, finished);

        Assert.That(book.NextOf(SyncEntity.Item), Is.EqualTo(tick.AddMinutes(4)));
    }

    [Test]
    public void Read_BadCronExpression_NamesTheSetting()
    {
        var problems = new List<string>();
        ScheduleSettings.Read(Configuration(("Sync:Schedules:Item", "every minute")), problems);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("Sync:Schedules:Item: 'every minute' is not a cron expression"));
    }

    [Test]
    public void Read_UnknownEntity_NamesTheSetting()
    {
        var problems = new List<string>();
        ScheduleSettings.Read(Configuration(("Sync:Schedules:Invoice", "* * * * *")), problems);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("Sync:Schedules:Invoice:"));
    }

    [Test]
    public void Read_SixFieldsAndEmptyValue_SecondsScheduleAndTurnedOff()
    {
        var problems = new List<string>();
        var schedules = ScheduleSettings.Read(Configuration(("Sync:Schedules:Item", "*/10 * * * * *"), ("Sync:Schedules:Shop", "")), problems);

        Assert.That(problems, Is.Empty);
        Assert.That(schedules.Select(s => s.Entity), Does.Not.Contain(SyncEntity.Shop));
        Assert.That(schedules.Single(s => s.Entity == SyncEntity.Item).NextAfter(Start), Is.EqualTo(Start.AddSeconds(10)));
    }

    internal static IReadOnlyList<EntitySchedule> DefaultSchedules()
    {
        var problems = new List<string>();
        var schedules = ScheduleSettings.Read(Configuration(), problems);
        Assert.That(problems, Is.Empty);
        return schedules;
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
