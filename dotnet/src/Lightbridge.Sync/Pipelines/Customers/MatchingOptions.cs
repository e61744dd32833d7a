using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// The <c>Matching</c> configuration section (DESIGN "Customer matching"): the rules and their order, what an unmatched
/// customer becomes, the Account of a new Contact, the per-field update policy and the region of national phone numbers.
/// </summary>
public sealed class MatchingOptions
{
    /// <summary>The configuration section name, <c>Matching</c>.</summary>
    public const string SectionName = "Matching";

    /// <summary>The default <see cref="Rules"/>: <c>ExternalId, Email, Phone</c>.</summary>
    public const string DefaultRules = "ExternalId, Email, Phone";

    /// <summary>The rules tried in order, comma-separated (<c>Matching:Rules</c>); each of ExternalId, Email, Phone at most once.</summary>
    public string Rules { get; init; } = DefaultRules;

    /// <summary>What an unmatched customer is created as (<c>Matching:CreateAs</c>): <c>Contact</c> (default) or <c>Lead</c>.</summary>
    public CustomerObjectType CreateAs { get; init; } = CustomerObjectType.Contact;

    /// <summary>
    /// The Account of a new Contact (<c>Matching:AccountStrategy</c>): <c>None</c> (default), <c>DefaultAccount</c> or
    /// <c>CustomerCompany</c>.
    /// </summary>
    public AccountStrategy AccountStrategy { get; init; } = AccountStrategy.None;

    /// <summary>The Account id of <c>DefaultAccount</c>, and of <c>CustomerCompany</c> when the company is blank (<c>Matching:DefaultAccountId</c>).</summary>
    public string? DefaultAccountId { get; init; }

    /// <summary>
    /// The update policy of fields not in <see cref="FieldPolicies"/> (<c>Matching:DefaultFieldPolicy</c>): <c>FillIfBlank</c>
    /// (default), <c>Overwrite</c> or <c>Never</c>.
    /// </summary>
    public FieldUpdatePolicy DefaultFieldPolicy { get; init; } = FieldUpdatePolicy.FillIfBlank;

    /// <summary>
    /// Policies by target field (<c>Matching:FieldPolicies:Email = Overwrite</c>). <c>Lightspeed_Customer_Id__c</c> is
    /// <c>Overwrite</c> unless set here, so a matched record is stamped with the customer's external id.
    /// </summary>
    public Dictionary<string, FieldUpdatePolicy> FieldPolicies { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The ISO 3166 region of phone numbers written without a country code (<c>Matching:DefaultRegion</c>), <c>US</c> by default.</summary>
    public string DefaultRegion { get; init; } = "US";

    /// <summary>Every problem with the options, each naming its key; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TryParseRules(Rules, out var rules, out var rulesProblem))
        {
            problems.Add($"{SectionName}:Rules: {rulesProblem}");
        }
        else if (rules.Count == 0)
        {
            problems.Add($"{SectionName}:Rules: at least one of ExternalId, Email, Phone is required.");
        }

        if (!Enum.IsDefined(CreateAs))
        {
            problems.Add($"{SectionName}:CreateAs: '{CreateAs}' is neither Contact nor Lead.");
        }

        if (!Enum.IsDefined(AccountStrategy))
        {
            problems.Add($"{SectionName}:AccountStrategy: '{AccountStrategy}' is not None, DefaultAccount or CustomerCompany.");
        }

        if (!string.IsNullOrWhiteSpace(DefaultAccountId) && !SalesforceId.TryParse(DefaultAccountId.Trim(), out _))
        {
            problems.Add($"{SectionName}:DefaultAccountId: '{DefaultAccountId}' is not a 15- or 18-character Salesforce id.");
        }

        if (AccountStrategy == AccountStrategy.DefaultAccount && string.IsNullOrWhiteSpace(DefaultAccountId))
        {
            problems.Add($"{SectionName}:DefaultAccountId is required when {SectionName}:AccountStrategy is DefaultAccount.");
        }

        if (!Enum.IsDefined(DefaultFieldPolicy))
        {
            problems.Add($"{SectionName}:DefaultFieldPolicy: '{DefaultFieldPolicy}' is not Overwrite, FillIfBlank or Never.");
        }

        foreach (var (field, policy) in FieldPolicies)
        {
            if (!Enum.IsDefined(policy))
            {
                problems.Add($"{SectionName}:FieldPolicies:{field}: '{policy}' is not Overwrite, FillIfBlank or Never.");
            }
        }

        if (DefaultRegion is not { Length: 2 } || !DefaultRegion.All(char.IsAsciiLetter))
        {
            problems.Add($"{SectionName}:DefaultRegion: '{DefaultRegion}' is not a two-letter ISO 3166 region code.");
        }

        return problems;
    }

    /// <summary>Throws one exception that names every bad option.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }
    }

    /// <summary>The matching policy: the parsed rules and the object to create.</summary>
    /// <exception cref="ArgumentException">The rules do not parse.</exception>
    public MatchingPolicy ToMatchingPolicy() =>
        TryParseRules(Rules, out var rules, out var problem)
            ? new MatchingPolicy(rules, CreateAs)
            : throw new ArgumentException($"{SectionName}:Rules: {problem}");

    /// <summary>The per-field update policies, with the external id overwritten unless configured otherwise.</summary>
    public FieldUpdatePolicies ToFieldPolicies()
    {
        var perField = new Dictionary<string, FieldUpdatePolicy>(StringComparer.Ordinal)
        {
            [Core.Mapping.SalesforceSchema.Contact.LightspeedCustomerId] = FieldUpdatePolicy.Overwrite,
        };
        foreach (var (field, policy) in FieldPolicies)
        {
            perField[field] = policy;
        }

        return new FieldUpdatePolicies(DefaultFieldPolicy, perField);
    }

    /// <summary>The Account strategy of new Contacts.</summary>
    public AccountPolicy ToAccountPolicy() =>
        new(AccountStrategy, string.IsNullOrWhiteSpace(DefaultAccountId) ? null : SalesforceId.Parse(DefaultAccountId.Trim()));

    /// <summary>Parses a comma-separated rule list (pure); false with the reason when a name is unknown or repeated.</summary>
    public static bool TryParseRules(string? text, out IReadOnlyList<MatchingRule> rules, out string? problem)
    {
        var parsed = new List<MatchingRule>();
        rules = parsed;
        problem = null;
        foreach (var name in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<MatchingRule>(name, ignoreCase: true, out var rule) || !Enum.IsDefined(rule) || char.IsAsciiDigit(name[0]))
            {
                problem = $"'{name}' is not a rule (ExternalId, Email, Phone).";
                return false;
            }

            if (parsed.Contains(rule))
            {
                problem = $"'{name}' is listed twice.";
                return false;
            }

            parsed.Add(rule);
        }

        return true;
    }
}
