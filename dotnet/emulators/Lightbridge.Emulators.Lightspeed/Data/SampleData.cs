namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>Word lists for the generator. Deliberately messy: accents, apostrophes, hyphens, odd casing.</summary>
internal static class SampleData
{
    // Time zones include legacy IANA names as the real Shop.timeZone does (reference section 9 item 10).
    public static readonly ShopProfile[] ShopProfiles =
    [
        new("Queen West", "America/Toronto", 0.13m, 0m, "Toronto", "Ontario", "ON", "Canada", "CA", ["416", "647", "437"]),
        new("SoHo", "America/New_York", 0.08875m, 0m, "New York", "New York", "NY", "United States", "US", ["212", "646", "917"]),
        new("De Negen Straatjes", "Europe/Amsterdam", 0.21m, 0m, "Amsterdam", "Noord-Holland", "NH", "Netherlands", "NL", ["20"]),
        new("Mission District", "US/Pacific", 0.0725m, 0.01m, "San Francisco", "California", "CA", "United States", "US", ["415", "628"]),
        new("Gastown", "America/Vancouver", 0.05m, 0.07m, "Vancouver", "British Columbia", "BC", "Canada", "CA", ["604", "778"]),
        new("Shoreditch", "Europe/London", 0.20m, 0m, "London", "England", "ENG", "United Kingdom", "GB", ["20"]),
        new("Plateau", "America/Montreal", 0.05m, 0.09975m, "Montréal", "Québec", "QC", "Canada", "CA", ["514", "438"]),
        new("Back Bay", "US/Eastern", 0.0625m, 0m, "Boston", "Massachusetts", "MA", "United States", "US", ["617", "857"]),
    ];

    public static readonly string[] FirstNames =
    [
        "Emma", "Liam", "Olivia", "Noah", "Zoë", "José", "Ana-María", "Mohammed", "Chloé", "Sven", "Aoife", "Wei",
        "Priya", "Lucas", "Sophie", "Daan", "Fatima", "Jean-Luc", "Mia", "Ethan", "Isabella", "Mateo", "Hannah",
        "Björn", "Yuki", "Chidi", "Grace", "Oliver", "Amélie", "Raj", "Lotte", "Kwame", "Élodie", "Jack", "Nora",
        "Sam", "Alex", "Maria", "Tom", "ANNA",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "O'Brien", "van der Berg", "MacDonald", "Nguyen", "García", "Müller", "de Vries", "Tremblay",
        "Patel", "Kowalski", "Johansson", "Okafor", "Rossi", "Dubois", "Kim", "Cohen", "Fitzgerald", "Jansen",
        "Bakker", "Singh", "Lefèvre", "Brown", "Wilson", "Martin", "Roy", "Gagnon", "Chen", "Murphy", "D'Angelo",
        "Smith-Jones", "van Dijk", "Ito", "Haddad", "Walker", "LEE", "mcallister", "Côté", "Ahmed", "Clarke",
    ];

    public static readonly string[] EmailDomains =
    [
        "gmail.com", "outlook.com", "yahoo.ca", "hotmail.com", "icloud.com", "ziggo.nl", "shaw.ca", "proton.me", "example.org",
    ];

    public static readonly string[] Streets =
    [
        "Queen St W", "Broadway", "Prinsengracht", "Valencia St", "Water St", "Brick Lane", "Rue Saint-Denis", "Newbury St", "King St E", "Main Street",
    ];

    public static readonly string[] Adjectives =
    [
        "Merino", "Organic Cotton", "Vintage", "Classic", "Waterproof", "Linen", "Recycled", "Slim-Fit", "Canvas", "Leather", "Wool-Blend", "Ceramic",
    ];

    public static readonly string[] Nouns =
    [
        "Crew Socks", "T-Shirt", "Beanie", "Rain Jacket", "Tote Bag", "Scarf", "Chinos", "Sneakers", "Backpack", "Mug", "Notebook", "Hoodie",
        "Water Bottle", "Gift Card", "Sunglasses",
    ];

    public static readonly string[] Sizes = ["", "", " - S", " - M", " - L", " - XL", " (One Size)"];

    public static readonly string[] VoidReasons = ["Customer changed mind", "Wrong item rung up", "Duplicate sale", "Training", ""];
}
