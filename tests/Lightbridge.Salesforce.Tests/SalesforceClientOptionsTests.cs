namespace Lightbridge.Salesforce.Tests;

public sealed class SalesforceClientOptionsTests
{
    [Test]
    public void Validate_JwtWithKeyAndUser_Passes()
    {
        var options = new SalesforceClientOptions
        {
            LoginUrl = new Uri("https://login.salesforce.com"),
            ClientId = "id",
            Username = "u@example.com",
            PrivateKeyPath = "/keys/sf.pem",
        };

        Assert.DoesNotThrow(options.Validate);
    }

    [TestCase(0)]
    [TestCase(6)]
    public void Validate_CollectionsPerCallOutsideOneToFive_Named(int perCall)
    {
        var options = new SalesforceClientOptions
        {
            LoginUrl = new Uri("https://example.my.salesforce.com"),
            Auth = SalesforceAuthFlow.ClientCredentials,
            ClientId = "id",
            ClientSecret = "secret",
            CollectionsPerCall = perCall,
        };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(ex!.Message, Does.Contain("Salesforce:CollectionsPerCall must be between 1 and 5"));
    }

    [Test]
    public void Validate_SeveralProblems_AllNamedInOneMessage()
    {
        var options = new SalesforceClientOptions
        {
            LoginUrl = new Uri("https://login.salesforce.com"),
            ClientId = "id",
            ApiVersion = "v62.0",
            ApiUsagePauseThreshold = 1.5,
            MaxTransientRetries = -1,
        };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(ex!.Message, Does.Contain("Salesforce:ApiVersion")
            .And.Contain("Salesforce:Username")
            .And.Contain("Salesforce:PrivateKeyPath")
            .And.Contain("Salesforce:ApiUsagePauseThreshold")
            .And.Contain("Salesforce:MaxTransientRetries"));
    }

    [Test]
    public void Validate_ClientCredentialsWithoutSecret_NamesClientSecret()
    {
        var options = new SalesforceClientOptions
        {
            LoginUrl = new Uri("https://acme.my.salesforce.com"),
            ClientId = "id",
            Auth = SalesforceAuthFlow.ClientCredentials,
        };

        Assert.That(Assert.Throws<ArgumentException>(options.Validate)!.Message, Does.Contain("Salesforce:ClientSecret"));
    }

    [Test]
    public void Validate_ApiVersionBefore46_Refused()
    {
        var options = new SalesforceClientOptions
        {
            LoginUrl = new Uri("https://login.salesforce.com"),
            ClientId = "id",
            Auth = SalesforceAuthFlow.RefreshToken,
            RefreshToken = "r",
            ApiVersion = "45.0",
        };

        Assert.That(Assert.Throws<ArgumentException>(options.Validate)!.Message, Does.Contain("46.0"));
    }

    [Test]
    public void Validate_ClientCredentialsAgainstLoginSalesforceCom_RequiresMyDomain()
    {
        var options = new SalesforceClientOptions
        {
            LoginUrl = new Uri("https://login.salesforce.com"),
            ClientId = "id",
            ClientSecret = "secret",
            Auth = SalesforceAuthFlow.ClientCredentials,
        };

        Assert.That(Assert.Throws<ArgumentException>(options.Validate)!.Message, Does.Contain("My Domain"));
    }
}
