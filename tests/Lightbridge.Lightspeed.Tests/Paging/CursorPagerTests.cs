using System.Text;
using Lightbridge.Lightspeed.Paging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lightbridge.Lightspeed.Tests.Paging;

public sealed class CursorPagerTests
{
    private const string First = "http://127.0.0.1/API/V3/Account/1/Sale.json?timeStamp=%3E%3D%2C2021-10-05T14%3A18%3A46%2B00%3A00";
    private const string Second = "http://127.0.0.1/API/V3/Account/1/Sale.json?timeStamp=%3E%3D%2C2021-10-05T14%3A18%3A46%2B00%3A00&sort=saleID&limit=100&after=WzEwMF0%3D";

    [Test]
    public async Task ReadAsync_FollowsNextVerbatimUntilEmpty()
    {
        var pages = new Dictionary<string, string>
        {
            [First] = $$$"""{"@attributes":{"next":"{{{Second}}}","previous":""},"Sale":[{"saleID":"1"},{"saleID":"2"}]}""",
            [Second] = """{"@attributes":{"next":"","previous":"x"},"Sale":{"saleID":"3"}}""",
        };
        var requested = new List<string>();
        var pager = new CursorPager((uri, read, _) => Serve(pages, uri, read, requested), NullLogger.Instance);

        var ids = new List<string>();
        await foreach (var record in pager.ReadAsync(new Uri(First), "Sale"))
        {
            ids.Add(record.ToElement().GetProperty("saleID").GetString()!);
        }

        Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(requested, Is.EqualTo(new[] { First, Second }));
    }

    [Test]
    public async Task ReadAsync_EmptyFirstPage_YieldsNothing()
    {
        var pages = new Dictionary<string, string> { [First] = """{"@attributes":{"next":"","previous":""}}""" };
        var pager = new CursorPager((uri, read, _) => Serve(pages, uri, read, []), NullLogger.Instance);

        var count = 0;
        await foreach (var unused in pager.ReadAsync(new Uri(First), "Sale"))
        {
            count++;
        }

        Assert.That(count, Is.Zero);
    }

    [Test]
    public void ReadAsync_NextRepeatsAPage_Throws()
    {
        var pages = new Dictionary<string, string>
        {
            [First] = $$$"""{"@attributes":{"next":"{{{Second}}}"},"Sale":{"saleID":"1"}}""",
            [Second] = $$$"""{"@attributes":{"next":"{{{Second}}}"},"Sale":{"saleID":"2"}}""",
        };
        var pager = new CursorPager((uri, read, _) => Serve(pages, uri, read, []), NullLogger.Instance);

        Assert.That(async () => await Drain(pager.ReadAsync(new Uri(First), "Sale")), Throws.InstanceOf<LightspeedApiException>());
    }

    [Test]
    public async Task ReadAsync_CancelledBetweenPages_StopsWithoutFetchingMore()
    {
        var pages = new Dictionary<string, string>
        {
            [First] = $$$"""{"@attributes":{"next":"{{{Second}}}"},"Sale":{"saleID":"1"}}""",
            [Second] = """{"@attributes":{"next":""},"Sale":{"saleID":"2"}}""",
        };
        var requested = new List<string>();
        var pager = new CursorPager((uri, read, _) => Serve(pages, uri, read, requested), NullLogger.Instance);
        using var cts = new CancellationTokenSource();

        var enumerator = pager.ReadAsync(new Uri(First), "Sale", cts.Token).GetAsyncEnumerator();
        Assert.That(await enumerator.MoveNextAsync(), Is.True);
        await cts.CancelAsync();

        Assert.That(async () => await enumerator.MoveNextAsync(), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(requested, Has.Count.EqualTo(1));
        await enumerator.DisposeAsync();
    }

    private static Task<WirePage> Serve(Dictionary<string, string> pages, Uri uri, Func<ReadOnlyMemory<byte>, WirePage> read, List<string> requested)
    {
        requested.Add(uri.AbsoluteUri);
        return Task.FromResult(read(Encoding.UTF8.GetBytes(pages[uri.AbsoluteUri])));
    }

    private static async Task Drain(IAsyncEnumerable<WireRecord> records)
    {
        await foreach (var unused in records)
        {
        }
    }
}
