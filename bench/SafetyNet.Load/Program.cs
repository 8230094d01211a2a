using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// An open-loop load scenario against a running SafetyNet on this machine: requests start on a fixed
// schedule whatever the server's speed (so slowness shows as latency, not as a lower rate), bounded in
// count and time, loopback only.
//   dotnet run -c Release --project bench/SafetyNet.Load -- http://127.0.0.1:5080 PASSWORD [rate-per-second] [seconds] [intake|pack|asb|search|investigations]
// The pack scenario reads the daily management pack (county and each district) while reports keep arriving.
// The asb scenario is the community focus desk and partner caseworkers: the desk queue and case search while
// ASB reports arrive. The investigations scenario is supervisors and an investigator: the allocation queue, the
// investigator's own list and the overdue-review queues (a sergeant's and an inspector's) while crimes are reported.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: SafetyNet.Load BASE_URL DEMO_PASSWORD [rate-per-second=40] [seconds=60] [intake|pack|asb|search|investigations]");
    return 2;
}
var baseUri = new Uri(args[0]);
if (!baseUri.IsLoopback)
{
    Console.Error.WriteLine("Load scenarios only target this machine (loopback).");
    return 2;
}
var rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 60;
var scenario = args.Length > 4 ? args[4] : "intake";
if (scenario == "pack")
{
    return await PackScenario.RunAsync(baseUri, args[1], rate, seconds);
}
if (scenario == "asb")
{
    return await AsbScenario.RunAsync(baseUri, args[1], rate, seconds);
}
if (scenario == "search")
{
    return await SearchScenario.RunAsync(baseUri, args[1], rate, seconds);
}
if (scenario == "investigations")
{
    return await InvestigationsScenario.RunAsync(baseUri, args[1], rate, seconds);
}
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "callhandler@safetynet.test", password = args[1] });
login.EnsureSuccessStatusCode();
var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

// Warm-up: the first requests pay for JIT compilation and connection pools; they are sent but not counted.
for (var w = 0; w < 40; w++)
{
    (await http.PostAsJsonAsync("/api/v1/incidents", Report(w))).EnsureSuccessStatusCode();
    (await http.GetAsync("/api/v1/incidents?pageSize=50")).EnsureSuccessStatusCode();
}

var intake = new List<double>();
var list = new List<double>();
var failures = 0;
var total = rate * seconds;
var tasks = new List<Task>(total);
var clock = Stopwatch.StartNew();
using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
for (var i = 0; i < total && clock.Elapsed < TimeSpan.FromSeconds(seconds + 5); i++)
{
    await timer.WaitForNextTickAsync();
    var n = i;
    tasks.Add(Task.Run(async () =>
    {
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response = n % 2 == 0
            ? await http.PostAsJsonAsync("/api/v1/incidents", Report(n))
            : await http.GetAsync($"/api/v1/incidents?page={1 + n % 20}&pageSize=50");
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (tasks)
        {
            (n % 2 == 0 ? intake : list).Add(ms);
            if (!response.IsSuccessStatusCode)
            {
                failures++;
            }
        }
    }));
}
await Task.WhenAll(tasks);
Console.WriteLine($"rate {rate}/s for {seconds} s: {total} requests, {failures} failed, achieved {total / clock.Elapsed.TotalSeconds:N1}/s");
Console.WriteLine($"intake (POST /api/v1/incidents): {Describe(intake)}");
Console.WriteLine($"list   (GET /api/v1/incidents): {Describe(list)}");
return failures == 0 ? 0 : 1;

static string Describe(List<double> samples)
{
    samples.Sort();
    double P(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
    return $"n={samples.Count} p50={P(0.50):N1} ms p95={P(0.95):N1} ms p99={P(0.99):N1} ms max={samples[^1]:N1} ms";
}

static object Report(int n) => new
{
    channel = "NonEmergency101",
    typeCode = "CRIMINAL-DAMAGE",
    narrative = $"Load scenario report {n}: garden fence damaged overnight.",
    location = new { text = $"{1 + n % 200} Station Road, Watford", district = "Watford" },
    people = new[] { new { role = "Victim", firstName = "Load", lastName = $"Tester{n % 500}", dateOfBirth = "1970-01-01" } },
    grade = "SCHEDULED",
    thrive = new { threat = "None", harm = "Damage", risk = "Low", investigation = "CCTV", vulnerability = "None", engagement = "Update by phone" },
};

/// <summary>
/// Supervisors and analysts opening the daily pack for the county and for their districts, at a fixed arrival
/// rate, with one report in five arriving meanwhile. Also times full rebuilds (fresh figures) one at a time.
/// </summary>
internal static class PackScenario
{
    private static readonly string[] Districts =
        ["", "Broxbourne", "Dacorum", "East Hertfordshire", "Hertsmere", "North Hertfordshire", "St Albans", "Stevenage", "Three Rivers", "Watford", "Welwyn Hatfield"];

    public static async Task<int> RunAsync(Uri baseUri, string password, int rate, int seconds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(120) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "supervisor@safetynet.test", password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        static string Url(int n, bool fresh = false)
        {
            var district = Districts[n % Districts.Length];
            var query = new List<string>();
            if (district.Length > 0)
            {
                query.Add("district=" + Uri.EscapeDataString(district));
            }
            if (fresh)
            {
                query.Add("fresh=true");
            }
            return "/api/v1/insight/pack" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        }

        // Full rebuilds, one at a time: what the background refresh (or a "refresh now") costs.
        var rebuilds = new List<double>();
        for (var i = 0; i < Districts.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            (await http.GetAsync(Url(i, fresh: true))).EnsureSuccessStatusCode();
            rebuilds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Console.WriteLine($"rebuild (GET /api/v1/insight/pack?fresh=true, county and 10 districts): {Describe(rebuilds)}");

        for (var w = 0; w < 20; w++)
        {
            (await http.GetAsync(Url(w))).EnsureSuccessStatusCode();
        }
        var reads = new List<double>();
        var failures = 0;
        var total = rate * seconds;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        for (var i = 0; i < total && clock.Elapsed < TimeSpan.FromSeconds(seconds + 5); i++)
        {
            await timer.WaitForNextTickAsync();
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var response = n % 5 == 4 ? await http.PostAsJsonAsync("/api/v1/incidents", Report(n)) : await http.GetAsync(Url(n));
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (tasks)
                {
                    if (n % 5 != 4)
                    {
                        reads.Add(ms);
                    }
                    if (!response.IsSuccessStatusCode)
                    {
                        failures++;
                    }
                }
            }));
        }
        await Task.WhenAll(tasks);
        Console.WriteLine($"rate {rate}/s for {seconds} s: {total} requests, {failures} failed, achieved {total / clock.Elapsed.TotalSeconds:N1}/s");
        Console.WriteLine($"pack (GET /api/v1/insight/pack): {Describe(reads)}");
        return failures == 0 ? 0 : 1;
    }

    private static string Describe(List<double> samples)
    {
        samples.Sort();
        double P(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return $"n={samples.Count} p50={P(0.50):N1} ms p95={P(0.95):N1} ms p99={P(0.99):N1} ms max={samples[^1]:N1} ms";
    }

    private static object Report(int n) => new
    {
        channel = "NonEmergency101",
        typeCode = "BURGLARY-RESIDENTIAL",
        narrative = $"Pack scenario report {n}: rear door forced.",
        location = new { text = $"{1 + n % 200} High Street, Watford", district = "Watford" },
        people = new[] { new { role = "Victim", firstName = "Pack", lastName = $"Tester{n % 300}", dateOfBirth = "1970-01-01" } },
        grade = "PRIORITY",
        thrive = new { threat = "None", harm = "Loss", risk = "Medium", investigation = "Forensics", vulnerability = "None", engagement = "Update by phone" },
    };
}

/// <summary>
/// The community focus desk working its queue and searching cases, and a partner caseworker searching the cases
/// shared with their council, at a fixed arrival rate; one request in ten is a new ASB report, which the desk's
/// queue must then show.
/// </summary>
internal static class AsbScenario
{
    private static readonly string[] Districts =
        ["Broxbourne", "Dacorum", "East Hertfordshire", "Hertsmere", "North Hertfordshire", "St Albans", "Stevenage", "Three Rivers", "Watford", "Welwyn Hatfield"];
    private static readonly string[] Words = ["Road", "Street", "Smith", "Jones", "Close", "Patel", "Lane", "Williams"];

    public static async Task<int> RunAsync(Uri baseUri, string password, int rate, int seconds)
    {
        var desk = await SignInAsync(baseUri, "communityfocusdesk@safetynet.test", password);
        var partner = await SignInAsync(baseUri, "partnercaseworker@safetynet.test", password);
        var caller = await SignInAsync(baseUri, "callhandler@safetynet.test", password);

        static string DeskUrl(int n) => (n / 10 % 5) switch
        {
            0 => "/api/v1/asb/desk",
            1 => "/api/v1/asb/desk?overdueOnly=true",
            2 => "/api/v1/asb/desk?district=" + Uri.EscapeDataString(Districts[n % Districts.Length]),
            3 => $"/api/v1/asb/desk?page={1 + n % 5}&sort=-reported",
            _ => "/api/v1/asb/desk?reason=Asb&pageSize=50",
        };
        static string SearchUrl(int n) => (n / 10 % 6) switch
        {
            0 => "/api/v1/asb/cases",
            1 => "/api/v1/asb/cases?status=Open&district=" + Uri.EscapeDataString(Districts[n % Districts.Length]),
            2 => "/api/v1/asb/cases?reviewOverdue=true",
            3 => "/api/v1/asb/cases?q=" + Words[n % Words.Length],
            4 => $"/api/v1/asb/cases?status=Open&risk=High&page={1 + n % 5}",
            _ => "/api/v1/asb/cases?q=ASB-26-0" + (1000 + n % 9000).ToString(CultureInfo.InvariantCulture),
        };
        for (var w = 0; w < 60; w++)
        {
            (await desk.GetAsync(DeskUrl(w * 10))).EnsureSuccessStatusCode();
            (await desk.GetAsync(SearchUrl(w * 10))).EnsureSuccessStatusCode();
            (await partner.GetAsync(SearchUrl(w * 10))).EnsureSuccessStatusCode();
        }

        var queue = new List<double>();
        var search = new List<double>();
        var partnerSearch = new List<double>();
        var reports = new List<double>();
        var failures = 0;
        var total = rate * seconds;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        for (var i = 0; i < total && clock.Elapsed < TimeSpan.FromSeconds(seconds + 5); i++)
        {
            await timer.WaitForNextTickAsync();
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var kind = n % 10;
                var started = Stopwatch.GetTimestamp();
                var response = kind switch
                {
                    0 => await caller.PostAsJsonAsync("/api/v1/incidents", Report(n)),
                    <= 4 => await desk.GetAsync(DeskUrl(n)),
                    <= 7 => await desk.GetAsync(SearchUrl(n)),
                    _ => await partner.GetAsync(SearchUrl(n)),
                };
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (tasks)
                {
                    (kind switch { 0 => reports, <= 4 => queue, <= 7 => search, _ => partnerSearch }).Add(ms);
                    if (!response.IsSuccessStatusCode)
                    {
                        failures++;
                    }
                }
            }));
        }
        await Task.WhenAll(tasks);
        Console.WriteLine($"rate {rate}/s for {seconds} s: {total} requests, {failures} failed, achieved {total / clock.Elapsed.TotalSeconds:N1}/s");
        Console.WriteLine($"desk queue (GET /api/v1/asb/desk): {Describe(queue)}");
        Console.WriteLine($"case search, desk (GET /api/v1/asb/cases): {Describe(search)}");
        Console.WriteLine($"case search, partner caseworker: {Describe(partnerSearch)}");
        Console.WriteLine($"ASB report (POST /api/v1/incidents): {Describe(reports)}");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<HttpClient> SignInAsync(Uri baseUri, string email, string password)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static string Describe(List<double> samples)
    {
        samples.Sort();
        double P(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return $"n={samples.Count} p50={P(0.50):N1} ms p95={P(0.95):N1} ms p99={P(0.99):N1} ms max={samples[^1]:N1} ms";
    }

    private static object Report(int n) => new
    {
        channel = "NonEmergency101",
        typeCode = "ASB-NUISANCE",
        narrative = $"ASB scenario report {n}: group shouting and throwing bottles outside the shops.",
        location = new { text = $"{1 + n % 120} Queens Road, Watford", district = "Watford" },
        people = new[] { new { role = "Victim", firstName = "Asb", lastName = $"Tester{n % 400}", dateOfBirth = "1968-04-02" } },
        grade = "SCHEDULED",
        thrive = new { threat = "Intimidation", harm = "Distress", risk = "Low", investigation = "Patrol", vulnerability = "None", engagement = "Update by phone" },
        assessments = new[] { new { instrument = "ASB", personIndex = 0, answers = AsbAnswers } },
    };

    private static readonly Dictionary<string, string> AsbAnswers = new[]
    {
        "reported-before", "reported-3-in-3-months", "targeted", "hate", "vulnerable", "afraid", "health", "threats",
        "damage", "children", "isolated", "worse",
    }.ToDictionary(k => k, k => k is "reported-before" or "afraid" ? "yes" : "no");
}

/// <summary>
/// The header's search box: an officer and the desk search by surname, by a familiar or misspelt name, by a name with a
/// date of birth, by a street, by words of a narrative, by an incident reference and with filters, while reports arrive;
/// a partner caseworker searches too (cases only).
/// </summary>
internal static class SearchScenario
{
    private static readonly string[] Queries =
    [
        "Smith", "Bill Jones", "Margret Taylor", "Jonh Williams", "Peggy Brown 1970-05-05", "Holywell Hill", "High Street Watford",
        "jewellery laptop", "glovebox", "youths litter", "1985-04-04",
    ];

    public static async Task<int> RunAsync(Uri baseUri, string password, int rate, int seconds)
    {
        var officer = await SignInAsync(baseUri, "officer@safetynet.test", password);
        var desk = await SignInAsync(baseUri, "communityfocusdesk@safetynet.test", password);
        var partner = await SignInAsync(baseUri, "partnercaseworker@safetynet.test", password);
        var caller = await SignInAsync(baseUri, "callhandler@safetynet.test", password);
        var recent = await officer.GetFromJsonAsync<JsonElement>("/api/v1/incidents?pageSize=50");
        var references = recent.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!).ToArray();

        string SearchUrl(int n) => (n / 10 % 4) switch
        {
            0 => "/api/v1/search?q=" + Uri.EscapeDataString(references[n % references.Length]),
            1 => "/api/v1/search?q=" + Uri.EscapeDataString(Queries[n % Queries.Length]) + "&type=VEHICLE-CRIME&district=Watford&from=2026-10-01&to=2026-12-31",
            _ => "/api/v1/search?q=" + Uri.EscapeDataString(Queries[n % Queries.Length]) + (n % 3 == 0 ? "&page=2" : ""),
        };
        // The first name search waits for the node's person index (built in the background at start-up), hence the long timeout.
        for (var w = 0; w < 60; w++)
        {
            (await officer.GetAsync(SearchUrl(w * 7))).EnsureSuccessStatusCode();
            (await partner.GetAsync(SearchUrl(w * 7))).EnsureSuccessStatusCode();
        }

        var force = new List<double>();
        var partnerSearch = new List<double>();
        var reports = new List<double>();
        var perQuery = new Dictionary<string, List<double>>();
        var failures = 0;
        var total = rate * seconds;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        for (var i = 0; i < total && clock.Elapsed < TimeSpan.FromSeconds(seconds + 5); i++)
        {
            await timer.WaitForNextTickAsync();
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var kind = n % 10;
                var url = SearchUrl(n);
                var started = Stopwatch.GetTimestamp();
                var response = kind switch
                {
                    0 => await caller.PostAsJsonAsync("/api/v1/incidents", Report(n)),
                    <= 5 => await officer.GetAsync(url),
                    <= 8 => await desk.GetAsync(url),
                    _ => await partner.GetAsync(url),
                };
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (tasks)
                {
                    (kind switch { 0 => reports, <= 8 => force, _ => partnerSearch }).Add(ms);
                    if (kind is > 0 and <= 8)
                    {
                        var shape = (n / 10 % 4) switch { 0 => "a reference", 1 => "with filters", _ => Queries[n % Queries.Length] };
                        if (!perQuery.TryGetValue(shape, out var list))
                        {
                            perQuery[shape] = list = [];
                        }
                        list.Add(ms);
                    }
                    if (!response.IsSuccessStatusCode)
                    {
                        failures++;
                    }
                }
            }));
        }
        await Task.WhenAll(tasks);
        Console.WriteLine($"rate {rate}/s for {seconds} s: {total} requests, {failures} failed, achieved {total / clock.Elapsed.TotalSeconds:N1}/s");
        Console.WriteLine($"search, force staff (GET /api/v1/search): {Describe(force)}");
        Console.WriteLine($"search, partner caseworker: {Describe(partnerSearch)}");
        Console.WriteLine($"report (POST /api/v1/incidents): {Describe(reports)}");
        foreach (var (shape, samples) in perQuery.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {shape}: {Describe(samples)}");
        }
        return failures == 0 ? 0 : 1;
    }

    private static async Task<HttpClient> SignInAsync(Uri baseUri, string email, string password)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(10) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static string Describe(List<double> samples)
    {
        samples.Sort();
        double P(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return $"n={samples.Count} p50={P(0.50):N1} ms p95={P(0.95):N1} ms p99={P(0.99):N1} ms max={samples[^1]:N1} ms";
    }

    private static object Report(int n) => new
    {
        channel = "NonEmergency101",
        typeCode = "VEHICLE-CRIME",
        narrative = $"Search scenario report {n}: car window smashed overnight, items taken from the glovebox.",
        location = new { text = $"{1 + n % 120} Queens Road, Watford", district = "Watford" },
        people = new[] { new { role = "Victim", firstName = "Search", lastName = $"Tester{n % 400}", dateOfBirth = "1968-04-02" } },
        grade = "SCHEDULED",
        thrive = new { threat = "None", harm = "Property damaged", risk = "Low", investigation = "CCTV", vulnerability = "None", engagement = "Update by phone" },
    };
}

/// <summary>
/// Investigations: a detective sergeant working the allocation queue (risk, then age; five pages), an investigator
/// opening their own list (all, open only, a later page), and the overdue-review queue of the sergeant and of the
/// detective inspector (who also sees what is past the force's threshold), at a fixed arrival rate; one request in
/// ten is a new burglary report.
/// </summary>
internal static class InvestigationsScenario
{
    public static async Task<int> RunAsync(Uri baseUri, string password, int rate, int seconds)
    {
        var sergeant = await SignInAsync(baseUri, "detective.sergeant@safetynet.test", password);
        var inspector = await SignInAsync(baseUri, "detective.inspector@safetynet.test", password);
        var investigator = await SignInAsync(baseUri, "investigator@safetynet.test", password);
        var caller = await SignInAsync(baseUri, "callhandler@safetynet.test", password);

        static string QueueUrl(int n) => $"/api/v1/investigations/allocation-queue?page={1 + n / 10 % 5}";
        static string MineUrl(int n) => (n / 10 % 3) switch
        {
            0 => "/api/v1/investigations?mine=true",
            1 => "/api/v1/investigations?mine=true&status=Allocated",
            _ => "/api/v1/investigations?mine=true&page=2",
        };
        const string DueUrl = "/api/v1/investigations/reviews/due";
        var sizes = await SizesAsync(sergeant, inspector, investigator);
        Console.WriteLine(sizes);
        for (var w = 0; w < 40; w++)
        {
            (await sergeant.GetAsync(QueueUrl(w * 10))).EnsureSuccessStatusCode();
            (await investigator.GetAsync(MineUrl(w * 10))).EnsureSuccessStatusCode();
            (await (w % 2 == 0 ? sergeant : inspector).GetAsync(DueUrl)).EnsureSuccessStatusCode();
        }

        var queue = new List<double>();
        var mine = new List<double>();
        var dueSergeant = new List<double>();
        var dueInspector = new List<double>();
        var reports = new List<double>();
        var failures = 0;
        var total = rate * seconds;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        for (var i = 0; i < total && clock.Elapsed < TimeSpan.FromSeconds(seconds + 5); i++)
        {
            await timer.WaitForNextTickAsync();
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var kind = n % 10;
                var started = Stopwatch.GetTimestamp();
                var response = kind switch
                {
                    0 => await caller.PostAsJsonAsync("/api/v1/incidents", Report(n)),
                    <= 3 => await sergeant.GetAsync(QueueUrl(n)),
                    <= 6 => await investigator.GetAsync(MineUrl(n)),
                    7 => await sergeant.GetAsync(DueUrl),
                    _ => await inspector.GetAsync(DueUrl),
                };
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (tasks)
                {
                    (kind switch { 0 => reports, <= 3 => queue, <= 6 => mine, 7 => dueSergeant, _ => dueInspector }).Add(ms);
                    if (!response.IsSuccessStatusCode)
                    {
                        failures++;
                    }
                }
            }));
        }
        await Task.WhenAll(tasks);
        Console.WriteLine($"rate {rate}/s for {seconds} s: {total} requests, {failures} failed, achieved {total / clock.Elapsed.TotalSeconds:N1}/s");
        Console.WriteLine($"allocation queue (GET /api/v1/investigations/allocation-queue): {Describe(queue)}");
        Console.WriteLine($"investigator's list (GET /api/v1/investigations?mine=true): {Describe(mine)}");
        Console.WriteLine($"review queue, sergeant (GET /api/v1/investigations/reviews/due): {Describe(dueSergeant)}");
        Console.WriteLine($"review queue, inspector: {Describe(dueInspector)}");
        Console.WriteLine($"crime report (POST /api/v1/incidents): {Describe(reports)}");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>How much each reader has in front of them, so the figures can be read against it.</summary>
    private static async Task<string> SizesAsync(HttpClient sergeant, HttpClient inspector, HttpClient investigator)
    {
        var queue = await sergeant.GetFromJsonAsync<JsonElement>("/api/v1/investigations/allocation-queue");
        var mine = await investigator.GetFromJsonAsync<JsonElement>("/api/v1/investigations?mine=true");
        var due = await sergeant.GetFromJsonAsync<JsonElement>("/api/v1/investigations/reviews/due");
        var inspectorDue = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/investigations/reviews/due");
        return $"awaiting allocation {queue.GetProperty("total").GetInt32():N0}; the investigator's own {mine.GetProperty("total").GetInt32():N0}; " +
            $"reviews due, sergeant {due.GetProperty("due").GetArrayLength():N0} on the first page (more: {due.GetProperty("more").GetBoolean()}); inspector {inspectorDue.GetProperty("due").GetArrayLength():N0} due, " +
            $"{inspectorDue.GetProperty("forInspector").GetArrayLength():N0} past the threshold";
    }

    private static async Task<HttpClient> SignInAsync(Uri baseUri, string email, string password)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static string Describe(List<double> samples)
    {
        samples.Sort();
        double P(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return $"n={samples.Count} p50={P(0.50):N1} ms p95={P(0.95):N1} ms p99={P(0.99):N1} ms max={samples[^1]:N1} ms";
    }

    private static object Report(int n) => new
    {
        channel = "NonEmergency101",
        typeCode = "BURGLARY-RESIDENTIAL",
        narrative = $"Investigations scenario report {n}: rear door forced, laptop and jewellery taken.",
        location = new { text = $"{1 + n % 150} London Road, St Albans", district = "St Albans" },
        people = new[] { new { role = "Victim", firstName = "Inv", lastName = $"Tester{n % 400}", dateOfBirth = "1975-03-03" } },
        grade = "PRIORITY",
        thrive = new { threat = "None", harm = "Loss", risk = "Medium", investigation = "Forensics", vulnerability = "None", engagement = "Update by phone" },
    };
}
