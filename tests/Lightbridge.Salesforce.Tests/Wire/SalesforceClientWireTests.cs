using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Salesforce.Tests.Wire;

/// <summary>
/// The client's wire behaviour against a scripted loopback server: login and session renewal, paging, limits
/// tracking, retries and their absence, Collections chunking and joining. Retry delays are a millisecond of real
/// time so these stay quick.
/// </summary>
public sealed partial class SalesforceClientWireTests
{
    private const string Secret = "s3cr3t-client-secret";

    [Test]
    public async Task QueryAsync_ThreePages_FollowsNextRecordsUrlWithOneLogin()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            var page = request.Path.EndsWith("-2", StringComparison.Ordinal) ? 2 : request.Path.EndsWith("-3", StringComparison.Ordinal) ? 3 : 1;
            var next = page < 3 ? $",\"nextRecordsUrl\":\"/services/data/v62.0/query/01gxx-{page + 1}\"" : string.Empty;
            await JsonAsync(response, 200, $$"""
                {"totalSize":3,"done":{{(page == 3 ? "true" : "false")}}{{next}},
                 "records":[{"attributes":{"type":"Contact","url":"/c/{{page}}"},"Email":"p{{page}}@example.com"}]}
                """);
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        var emails = new List<string>();
        await foreach (var record in client.QueryAsync("SELECT Email FROM Contact WHERE LastName = 'O\\'Brien'"))
        {
            Assert.That(record.TryGetProperty("attributes", out _), Is.False);
            emails.Add(record.GetProperty("Email").GetString()!);
        }

        var first = server.Requests.First(r => r.Path.EndsWith("/query", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(emails, Is.EqualTo(new[] { "p1@example.com", "p2@example.com", "p3@example.com" }));
            Assert.That(Uri.UnescapeDataString(first.Query), Is.EqualTo("?q=SELECT Email FROM Contact WHERE LastName = 'O\\'Brien'"));
            Assert.That(first.Authorization, Is.EqualTo("Bearer tok-1"));
            Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.Query), Is.EqualTo(3));
            Assert.That(client.Statistics.TokenRequests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task UpsertAsync_SessionExpiredOnce_RenewsAndRetriesOnceWithTheNewToken()
    {
        var apiCalls = 0;
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            if (Interlocked.Increment(ref apiCalls) == 1)
            {
                await JsonAsync(response, 401, """[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""");
                return;
            }

            await JsonAsync(response, 201, """{"id":"003xx000004TmiQAAS","success":true,"errors":[],"created":true}""");
        });
        using var http = new HttpClient();
        var logger = new CapturingLogger();
        using var client = NewClient(http, server, logger: logger);

        var result = await client.UpsertAsync("Contact", "Lightspeed_Customer_Id__c", "1-42", new Dictionary<string, object?> { ["LastName"] = "Doe" });

        var api = server.Requests.Where(r => r.Path.StartsWith("/services/data/", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.Created));
            Assert.That(api.Select(r => r.Authorization), Is.EqualTo(new[] { "Bearer tok-1", "Bearer tok-2" }));
            Assert.That(client.Statistics.TokenRequests, Is.EqualTo(2));
            Assert.That(client.Statistics.UnauthorizedResponses, Is.EqualTo(1));
            Assert.That(logger.Lines, Is.Not.Empty);
            Assert.That(logger.Lines, Has.None.Contain("tok-").And.None.Contain(Secret));
        });
    }

    [Test]
    public async Task GetLimitsAsync_SessionRejectedTwice_SessionExpiredException()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (!await AnswerTokenAsync(request, response))
            {
                await JsonAsync(response, 401, """[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""");
            }
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        Assert.ThrowsAsync<SalesforceSessionExpiredException>(() => client.GetLimitsAsync());
        Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.Limits), Is.EqualTo(2), "one retry after renewal, no more");
    }

    [Test]
    public async Task AnyCall_TokenEndpointRefuses_AuthExceptionNamesGrantAndLoginUrlNotTheSecret()
    {
        await using var server = await LoopbackServer.StartAsync((_, response) =>
            JsonAsync(response, 400, """{"error":"invalid_client","error_description":"invalid client credentials"}"""));
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        var ex = Assert.ThrowsAsync<SalesforceAuthException>(() => client.GetLimitsAsync());

        Assert.That(ex!.Message, Does.Contain("client credentials").And.Contain(server.BaseUrl.Authority).And.Not.Contain(Secret));
        Assert.That(server.Requests, Has.Count.EqualTo(1), "a refused grant is not retried");
    }

    [Test]
    public async Task AnyCall_JwtBearer_PostsASignedAssertionForTheLoginUrl()
    {
        using var key = RSA.Create(2048);
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (!await AnswerTokenAsync(request, response))
            {
                await JsonAsync(response, 200, """{"DailyApiRequests":{"Max":15000,"Remaining":14000}}""");
            }
        });
        using var http = new HttpClient();
        var options = new SalesforceClientOptions
        {
            LoginUrl = server.BaseUrl,
            ClientId = "3MVG9abc",
            Username = "integration@example.com",
            PrivateKeyPem = key.ExportPkcs8PrivateKeyPem(),
        };
        using var client = new SalesforceClient(http, options, TimeProvider.System);

        var limits = await client.GetLimitsAsync();

        var form = server.Requests.First().Form!;
        var assertion = form["assertion"];
        var lastDot = assertion.LastIndexOf('.');
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(assertion.Split('.')[1]));
        Assert.Multiple(() =>
        {
            Assert.That(limits.DailyApiRequests, Is.EqualTo(new ApiLimit(15000, 14000)));
            Assert.That(server.Requests.First().ContentType, Does.StartWith("application/x-www-form-urlencoded"));
            Assert.That(form["grant_type"], Is.EqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer"));
            Assert.That(claims.RootElement.GetProperty("aud").GetString(), Is.EqualTo(server.BaseUrl.GetLeftPart(UriPartial.Authority)));
            Assert.That(
                key.VerifyData(Encoding.ASCII.GetBytes(assertion[..lastDot]), Base64Url.DecodeFromChars(assertion.AsSpan(lastDot + 1)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                Is.True);
        });
    }

    [Test]
    public async Task AnyCall_LimitInfoHeaderPastThreshold_TrackedAndPauses()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (!await AnswerTokenAsync(request, response))
            {
                response.Headers["Sforce-Limit-Info"] = "api-usage=4600/5000";
                await JsonAsync(response, 200, """{"DailyApiRequests":{"Max":5000,"Remaining":400}}""");
            }
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server, pause: TimeSpan.FromMilliseconds(20));

        await client.GetLimitsAsync();
        await client.GetLimitsAsync();

        Assert.That(client.Statistics.LastApiUsage, Is.EqualTo(new ApiUsage(4600, 5000)));
        Assert.That(client.Statistics.ApiUsagePauses, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task UpsertAsync_ServiceUnavailableOnce_RetriedBecauseIdempotent()
    {
        var apiCalls = 0;
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            if (Interlocked.Increment(ref apiCalls) == 1)
            {
                response.StatusCode = 503;
                await response.WriteAsync("<html>Service Unavailable</html>");
                return;
            }

            await JsonAsync(response, 200, """{"id":"003xx000004TmiQAAS","success":true,"errors":[],"created":false}""");
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        var result = await client.UpsertAsync("Contact", "Lightspeed_Customer_Id__c", "1-42", new Dictionary<string, object?> { ["LastName"] = "Doe" });

        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.Updated));
        Assert.That(client.Statistics.TransientRetries, Is.EqualTo(1));
    }

    [Test]
    public async Task UpsertAsync_ServiceUnavailableOnce_BackOffWaitsOnTheInjectedClock()
    {
        var apiCalls = 0;
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            if (Interlocked.Increment(ref apiCalls) == 1)
            {
                response.StatusCode = 503;
                return;
            }

            await JsonAsync(response, 200, """{"id":"003xx000004TmiQAAS","success":true,"errors":[],"created":false}""");
        });
        using var http = new HttpClient();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero));
        using var client = new SalesforceClient(
            http,
            new SalesforceClientOptions
            {
                LoginUrl = server.BaseUrl,
                Auth = SalesforceAuthFlow.ClientCredentials,
                ClientId = "client-id",
                ClientSecret = Secret,
                TransientRetryBaseDelay = TimeSpan.FromSeconds(10),
                TransientRetryMaxDelay = TimeSpan.FromSeconds(20),
            },
            time);

        var upsert = client.UpsertAsync("Contact", "Lightspeed_Customer_Id__c", "1-42", new Dictionary<string, object?> { ["LastName"] = "Doe" });
        for (var i = 0; i < 500 && Volatile.Read(ref apiCalls) < 1; i++)
        {
            await Task.Delay(2);
        }

        await Task.Delay(50);
        Assert.That(upsert.IsCompleted, Is.False, "the retry waits for the injected clock, not the wall clock");
        Assert.That(Volatile.Read(ref apiCalls), Is.EqualTo(1));

        // Advance the clock a second at a time until the back-off (at most 20 s) releases the retry; stepping copes
        // with the delay being scheduled a little after the 503 arrives.
        var advanced = TimeSpan.Zero;
        for (var i = 0; i < 400 && !upsert.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.Delay(5);
        }

        var result = await upsert.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(advanced, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(60)));

        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.Updated));
        Assert.That(client.Statistics.TransientRetries, Is.EqualTo(1));
    }

    [Test]
    public async Task CreateAsync_ServiceUnavailable_NotRetriedBecauseNotIdempotent()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (!await AnswerTokenAsync(request, response))
            {
                response.StatusCode = 503;
            }
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        var ex = Assert.ThrowsAsync<SalesforceApiException>(() => client.CreateAsync("Lightspeed_Sync_Run__c", new Dictionary<string, object?> { ["Run_Id__c"] = "r1" }));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.Create), Is.EqualTo(1));
    }

    [Test]
    public async Task QueryAsync_RequestLimitExceeded_ThrownWithoutRetry()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (!await AnswerTokenAsync(request, response))
            {
                await JsonAsync(response, 403, """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""");
            }
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        Assert.ThrowsAsync<SalesforceRequestLimitExceededException>(async () =>
        {
            await foreach (var unused in client.QueryAsync("SELECT Id FROM Contact"))
            {
            }
        });
        Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.Query), Is.EqualTo(1));
    }

    [Test]
    public async Task UpsertAsync_MultipleMatchesAndFieldError_ReturnedAsValues()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            if (request.Path.EndsWith("/dup", StringComparison.Ordinal))
            {
                await JsonAsync(response, 300, """["/services/data/v62.0/sobjects/Contact/003xx000004TmiQAAS","/services/data/v62.0/sobjects/Contact/003xx000004TmiRAAS"]""");
            }
            else
            {
                await JsonAsync(response, 400, """[{"message":"Foreign key external ID: 9-9 not found for field Lightspeed_Shop_Id__c in entity Lightspeed_Store__c","errorCode":"INVALID_FIELD","fields":[]}]""");
            }
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        var multiple = await client.UpsertAsync("Contact", "Email", "dup", new Dictionary<string, object?> { ["LastName"] = "Doe" });
        var failed = await client.UpsertAsync(
            "Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", "1-1", new Dictionary<string, object?> { ["Store__r"] = new ExternalIdReference("Lightspeed_Shop_Id__c", "9-9") });

        Assert.That(multiple.Outcome, Is.EqualTo(UpsertOutcome.MultipleMatches));
        Assert.That(multiple.MatchingRecordUrls, Has.Count.EqualTo(2));
        Assert.That(failed.Outcome, Is.EqualTo(UpsertOutcome.Failed));
        Assert.That(failed.Errors.Single().StatusCode, Is.EqualTo("INVALID_FIELD"));
    }

    [Test]
    public async Task UpsertAsync_HandlerFollowsRedirects_RefusedWithAClearMessage()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            if (request.Path.EndsWith("/elsewhere", StringComparison.Ordinal))
            {
                await JsonAsync(response, 200, """{"Id":"003xx000004TmiQAAS"}""");
                return;
            }

            response.StatusCode = 307;
            response.Headers.Location = "/services/data/v62.0/elsewhere";
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        var ex = Assert.ThrowsAsync<SalesforceApiException>(() =>
            client.UpsertAsync("Contact", "Email", "a@example.com", new Dictionary<string, object?> { ["LastName"] = "Doe" }));

        Assert.That(ex!.Message, Does.Contain("AllowAutoRedirect"));
    }

    [Test]
    public async Task UpsertAsync_MultipleMatchesWithLocationAndNoAutoRedirect_ReadAsMultipleMatches()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            response.Headers.Location = "/services/data/v62.0/sobjects/Contact/003xx000004TmiQAAS";
            await JsonAsync(response, 300, """["/services/data/v62.0/sobjects/Contact/003xx000004TmiQAAS","/services/data/v62.0/sobjects/Contact/003xx000004TmiRAAS"]""");
        });
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        using var client = NewClient(http, server);

        var result = await client.UpsertAsync("Contact", "Email", "a@example.com", new Dictionary<string, object?> { ["LastName"] = "Doe" });

        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.MultipleMatches));
        Assert.That(server.Requests.Count(r => r.Method == "PATCH"), Is.EqualTo(1));
    }

    [Test]
    public async Task UpsertAsync_KeyFieldAmongFields_LeftOutOfTheBody()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (!await AnswerTokenAsync(request, response))
            {
                await JsonAsync(response, 201, """{"id":"003xx000004TmiQAAS","success":true,"errors":[],"created":true}""");
            }
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        await client.UpsertAsync("Contact", "Lightspeed_Customer_Id__c", "1/42", new Dictionary<string, object?> { ["Lightspeed_Customer_Id__c"] = "1/42", ["LastName"] = "Doe" });

        var upsert = server.Requests.Last();
        Assert.That(upsert.Method, Is.EqualTo("PATCH"));
        Assert.That(upsert.Path, Is.EqualTo("/services/data/v62.0/sobjects/Contact/Lightspeed_Customer_Id__c/1%2F42").Or.EqualTo("/services/data/v62.0/sobjects/Contact/Lightspeed_Customer_Id__c/1/42"));
        Assert.That(upsert.Body, Is.EqualTo("""{"LastName":"Doe"}"""));
    }

    [Test]
    public async Task UpsertCollectionAsync_450RecordsOneCollectionsCallEach_ThreeCallsOf200And50JoinedBackInOrder()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            using var body = JsonDocument.Parse(request.Body);
            var results = body.RootElement.GetProperty("records").EnumerateArray()
                .Select(r => r.GetProperty("Lightspeed_Customer_Id__c").GetString()!)
                .Select(key => key == "1-7"
                    ? """{"success":false,"errors":[{"statusCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [LastName]","fields":["LastName"]}]}"""
                    : $$"""{"id":"003{{key.Replace("-", string.Empty, StringComparison.Ordinal).PadLeft(15, '0')}}","success":true,"errors":[],"created":true}""");
            await JsonAsync(response, 200, "[" + string.Join(",", results) + "]");
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server, collectionsPerCall: 1);
        var records = Enumerable.Range(0, 450)
            .Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["Lightspeed_Customer_Id__c"] = $"1-{i}", ["LastName"] = $"N{i}" })
            .ToList();

        var results = await client.UpsertCollectionAsync("Contact", "Lightspeed_Customer_Id__c", records);

        var calls = server.Requests.Where(r => r.Path.Contains("/composite/sobjects/", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("records").GetArrayLength()), Is.EqualTo(new[] { 200, 200, 50 }));
            Assert.That(calls.All(c => c.Method == "PATCH" && c.Path == "/services/data/v62.0/composite/sobjects/Contact/Lightspeed_Customer_Id__c"));
            Assert.That(calls[0].Body, Does.StartWith("""{"allOrNone":false,"records":[{"attributes":{"type":"Contact"},"Lightspeed_Customer_Id__c":"1-0","""));
            Assert.That(results.Select(r => r.ExternalId), Is.EqualTo(records.Select(r => (string)r["Lightspeed_Customer_Id__c"]!)));
            Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 450)));
            Assert.That(results.Count(r => !r.Success), Is.EqualTo(1));
            Assert.That(results[7].Errors.Single().StatusCode, Is.EqualTo("REQUIRED_FIELD_MISSING"));
            Assert.That(results[449].Id, Is.EqualTo("003000000000001449"));
            Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.CollectionsUpsert), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task UpsertCollectionAsync_LockConflictOnOneRecord_OnlyThatRecordSentAgain()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            var first = Interlocked.Increment(ref calls) == 1;
            using var body = JsonDocument.Parse(request.Body);
            var results = body.RootElement.GetProperty("records").EnumerateArray()
                .Select(r => r.GetProperty("Lightspeed_Sale_Id__c").GetString()!)
                .Select(key => first && key == "1-2"
                    ? """{"success":false,"errors":[{"statusCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record or 1 records: 003xx000004TmiQAAS","fields":[]}]}"""
                    : """{"id":"a01xx0000000001AAA","success":true,"errors":[],"created":true}""");
            await JsonAsync(response, 200, "[" + string.Join(",", results) + "]");
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);
        var records = Enumerable.Range(0, 4)
            .Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["Lightspeed_Sale_Id__c"] = $"1-{i}" })
            .ToList();

        var results = await client.UpsertCollectionAsync("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", records);

        var sent = server.Requests.Where(r => r.Path.Contains("/composite/sobjects/", StringComparison.Ordinal)).ToList();
        Assert.That(sent, Has.Count.EqualTo(2));
        Assert.That(JsonDocument.Parse(sent[1].Body).RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("Lightspeed_Sale_Id__c").GetString()), Is.EqualTo(new[] { "1-2" }));
        Assert.That(results.All(r => r.Success), Is.True);
        Assert.That(results[2].ExternalId, Is.EqualTo("1-2"));
    }

    [Test]
    public async Task PublishEventAsync_EnqueuedNotice_IsSuccess()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (!await AnswerTokenAsync(request, response))
            {
                await JsonAsync(response, 201, """{"id":"e00xx0000000001AAA","success":true,"errors":[{"statusCode":"OPERATION_ENQUEUED","message":"2f1c1b4e-1111-4222-8333-944445555666","fields":[]}]}""");
            }
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);

        await client.PublishEventAsync("Lightspeed_Resync_Request__e", new Dictionary<string, object?> { ["Scope__c"] = "Customer", ["From__c"] = new DateOnly(2024, 1, 1) });

        var publish = server.Requests.Last();
        Assert.That(publish.Path, Is.EqualTo("/services/data/v62.0/sobjects/Lightspeed_Resync_Request__e"));
        Assert.That(publish.Body, Is.EqualTo("""{"Scope__c":"Customer","From__c":"2024-01-01"}"""));
    }

    [Test]
    public async Task QueryAsync_StatementTooLongForTheUri_SentAsCompositeSubrequest()
    {
        await using var server = await LoopbackServer.StartAsync(async (request, response) =>
        {
            if (await AnswerTokenAsync(request, response))
            {
                return;
            }

            await JsonAsync(response, 200, """
                {"compositeResponse":[{"body":{"totalSize":1,"done":true,"records":[{"attributes":{"type":"Contact"},"Id":"003xx000004TmiQAAS"}]},
                 "httpHeaders":{},"httpStatusCode":200,"referenceId":"query"}]}
                """);
        });
        using var http = new HttpClient();
        using var client = NewClient(http, server);
        var emails = Enumerable.Range(0, 400).Select(i => $"customer.number{i}@example.com");
        var soql = "SELECT Id FROM Contact WHERE Email IN " + Soql.InList(emails);

        var ids = new List<string>();
        await foreach (var record in client.QueryAsync(soql))
        {
            ids.Add(record.GetProperty("Id").GetString()!);
        }

        var composite = server.Requests.Last();
        Assert.That(ids, Is.EqualTo(new[] { "003xx000004TmiQAAS" }));
        Assert.That(composite.Path, Is.EqualTo("/services/data/v62.0/composite"));
        Assert.That(JsonDocument.Parse(composite.Body).RootElement.GetProperty("compositeRequest")[0].GetProperty("method").GetString(), Is.EqualTo("GET"));
    }

    private static SalesforceClient NewClient(HttpClient http, LoopbackServer server, TimeSpan? pause = null, CapturingLogger? logger = null, int collectionsPerCall = 5) =>
        new(
            http,
            new SalesforceClientOptions
            {
                LoginUrl = server.BaseUrl,
                Auth = SalesforceAuthFlow.ClientCredentials,
                ClientId = "client-id",
                ClientSecret = Secret,
                MaxTransientRetries = 2,
                TransientRetryBaseDelay = TimeSpan.FromMilliseconds(1),
                TransientRetryMaxDelay = TimeSpan.FromMilliseconds(5),
                ApiUsagePause = pause ?? TimeSpan.FromMinutes(1),
                CollectionsPerCall = collectionsPerCall,
            },
            TimeProvider.System,
            logger);

    /// <summary>Answers the token endpoint with tok-1, tok-2, … and this server as the instance.</summary>
    private static async Task<bool> AnswerTokenAsync(RecordedRequest request, HttpResponse response)
    {
        if (request.Path != "/services/oauth2/token")
        {
            return false;
        }

        var server = (LoopbackServer)response.HttpContext.Items[LoopbackServer.ItemKey]!;
        var instance = $"{response.HttpContext.Request.Scheme}://{response.HttpContext.Request.Host}";
        await JsonAsync(response, 200, $$"""
            {"access_token":"tok-{{server.NextTokenNumber()}}","instance_url":"{{instance}}","id":"{{instance}}/id/00D/005","token_type":"Bearer","issued_at":"1700000000000"}
            """);
        return true;
    }

    private static Task JsonAsync(HttpResponse response, int status, string json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        return response.WriteAsync(json);
    }
}
