namespace SafetyNet.Demo;

/// <summary>Common British given names and surnames, and the familiar forms people give to call handlers.</summary>
internal static class BritishNames
{
    public static readonly string[] Female =
    [
        "Margaret", "Susan", "Sarah", "Elizabeth", "Patricia", "Jennifer", "Catherine", "Helen", "Rebecca", "Emma",
        "Charlotte", "Sophie", "Olivia", "Amelia", "Emily", "Jessica", "Hannah", "Lucy", "Grace", "Chloe",
        "Joanne", "Karen", "Julie", "Deborah", "Tracey", "Nicola", "Claire", "Louise", "Victoria", "Rachel",
        "Kathleen", "Dorothy", "Jean", "Joan", "Pauline", "Christine", "Janet", "Linda", "Angela", "Alison",
        "Aisha", "Priya", "Fatima", "Zainab", "Amira", "Mia", "Isla", "Ava", "Freya", "Poppy",
        "Abigail", "Alexandra", "Samantha", "Jacqueline", "Rosemary", "Gillian", "Wendy", "Hayley", "Gemma", "Kirsty",
    ];

    public static readonly string[] Male =
    [
        "John", "David", "Michael", "Paul", "Andrew", "Mark", "James", "Richard", "Peter", "Stephen",
        "Robert", "William", "Thomas", "Christopher", "Daniel", "Matthew", "Anthony", "Steven", "Simon", "Ian",
        "George", "Harry", "Oliver", "Jack", "Charlie", "Alfie", "Joshua", "Samuel", "Benjamin", "Edward",
        "Gary", "Kevin", "Darren", "Lee", "Craig", "Wayne", "Dean", "Scott", "Jason", "Neil",
        "Mohammed", "Ahmed", "Ali", "Hassan", "Arjun", "Rohan", "Kwame", "Tomasz", "Piotr", "Liam",
        "Alexander", "Frederick", "Henry", "Nicholas", "Jonathan", "Timothy", "Raymond", "Kenneth", "Derek", "Terence",
    ];

    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
        "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
        "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill",
        "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
        "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
        "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
        "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh",
        "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
        "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
        "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey",
        "Okafor", "Mensah", "Kowalski", "Nowak", "Ahmed", "Rahman", "Chowdhury", "O'Brien", "McDonald", "Fitzgerald",
        "Ashworth-Clarke", "Pennington", "Whitfield", "Quartermaine", "Featherstone", "Cartwright", "Blackwood", "Hargreaves", "Oyelaran", "Szymanski",
    ];

    /// <summary>Familiar forms a person may give instead of their registered name.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Familiar = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Margaret"] = ["Maggie", "Peggy", "Meg"], ["Elizabeth"] = ["Liz", "Beth", "Lizzie"], ["Catherine"] = ["Kate", "Cathy"],
        ["Patricia"] = ["Pat", "Trish"], ["Jennifer"] = ["Jenny", "Jen"], ["Rebecca"] = ["Becky", "Bex"], ["Susan"] = ["Sue", "Susie"],
        ["Victoria"] = ["Vicky", "Tori"], ["Alexandra"] = ["Alex", "Sandra"], ["Samantha"] = ["Sam"], ["Jacqueline"] = ["Jackie"],
        ["Deborah"] = ["Debbie", "Deb"], ["Christine"] = ["Chris", "Chrissie"], ["Abigail"] = ["Abbie", "Gail"], ["Dorothy"] = ["Dot", "Dotty"],
        ["William"] = ["Bill", "Will", "Billy"], ["Robert"] = ["Bob", "Rob", "Bobby"], ["Richard"] = ["Dick", "Rich", "Ricky"],
        ["James"] = ["Jim", "Jimmy", "Jamie"], ["John"] = ["Jack", "Johnny"], ["Michael"] = ["Mike", "Mick"], ["Thomas"] = ["Tom", "Tommy"],
        ["Christopher"] = ["Chris", "Kit"], ["Daniel"] = ["Dan", "Danny"], ["Matthew"] = ["Matt"], ["Anthony"] = ["Tony"],
        ["Edward"] = ["Ed", "Ted", "Eddie"], ["Henry"] = ["Harry", "Hal"], ["Alexander"] = ["Alex", "Sandy"], ["Frederick"] = ["Fred", "Freddie"],
        ["Nicholas"] = ["Nick"], ["Jonathan"] = ["Jon"], ["Timothy"] = ["Tim"], ["Benjamin"] = ["Ben"], ["Samuel"] = ["Sam"],
        ["Joshua"] = ["Josh"], ["Stephen"] = ["Steve"], ["Steven"] = ["Steve"], ["Andrew"] = ["Andy", "Drew"], ["Peter"] = ["Pete"],
        ["Kenneth"] = ["Ken", "Kenny"], ["Raymond"] = ["Ray"], ["Terence"] = ["Terry"], ["Mohammed"] = ["Mo"],
    };
}
