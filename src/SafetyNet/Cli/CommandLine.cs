using Microsoft.AspNetCore.Identity;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Cli;

/// <summary>
/// The verbs of the <c>SafetyNet</c> binary. Database verbs build a host of the application's services from the one
/// composition root (<see cref="SafetyNetSetup.AddSafetyNet"/>), without the web server; engine verbs build nothing
/// at all, so they start in milliseconds.
/// </summary>
public static class CommandLine
{
    public const int BadInput = 2;

    private sealed record Verb(string Name, string Usage, Func<string[], Task<int>> Run);

    private static readonly Verb[] Verbs =
    [
        new("migrate", "migrate                       bring the database to the current migration", args => WithServices(args, 1, MigrateAsync)),
        new("seed", "seed [--incidents N] [--seed S] [--cases C] [--investigations I]   seed reference and demo data (C: open ASB cases; I: investigators, with investigations of the recorded crimes)", args => WithServices(args, 1, SeedVerb.RunAsync)),
        new("admin", "admin create --email E [--name N]   create an administrator", args => WithServices(args, 2, AdminCreateAsync)),
        new("audit", "audit verify                  check the audit trail's hash chain", args => WithServices(args, 2, AuditVerifyAsync)),
        new("import", "import policeuk <zip|folder|csv…>   import police.uk open data (idempotent)", args => WithServices(args, 2, ImportVerb.RunAsync)),
        new("export", "export policeuk --month YYYY-MM --output F   the force's outcomes finalised in a month, in police.uk's outcomes file", args => WithServices(args, 2, ExportVerb.RunAsync)),
        new("reference", "reference gazetteer --data <zip> --output F   rebuild the street gazetteer from police.uk files", ReferenceVerbs.RunAsync),
        new("insight", "insight hotspots|nearrepeat …   hotspot prediction and the Knox near-repeat test (no database)", InsightVerbs.RunAsync),
        new("people", PeopleVerbs.Usage, PeopleVerbs.RunAsync),
        new("offenders", OffenderVerbs.Usage + "\n  " + OffendersVerb.Usage, args => args.Length > 1 && args[1] == "import"
            ? args.Contains("--help") ? OffendersVerb.HelpAsync(args) : WithServices(args, 2, OffendersVerb.ImportAsync)
            : OffenderVerbs.RunAsync(args)),
        new("identities", "identities resolve [--score-truth]   resolve waiting person entries into identities", args => WithServices(args, 2, IdentityVerb.RunAsync)),
    ];

    /// <summary>
    /// Whether the arguments ask for a verb rather than the web application: a first argument that is a bare word.
    /// No arguments (as <c>dotnet run</c> gives), host options (<c>--urls …</c>, <c>/urls …</c>) and configuration
    /// (<c>Demo:Enabled=true</c>) start the web application; a word that is no verb is refused, not served.
    /// </summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && (args[0] is "--help" || (args[0].Length > 0 && args[0][0] is not ('-' or '/') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] is "help" or "--help")
        {
            Console.WriteLine("Usage: SafetyNet [verb] [options]   (no verb starts the web application)");
            foreach (var verb in Verbs)
            {
                Console.WriteLine("  " + verb.Usage);
            }
            return 0;
        }
        if (Array.Find(Verbs, v => v.Name == args[0]) is not { } found)
        {
            await Console.Error.WriteLineAsync($"SafetyNet: unknown verb '{args[0]}'; the verbs are {string.Join(", ", Verbs.Select(v => v.Name))} (SafetyNet help shows how to use them)");
            return BadInput;
        }
        try
        {
            return await found.Run(args);
        }
        catch (EarlierMigrationsException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
        catch (CliException error)
        {
            await Console.Error.WriteLineAsync($"SafetyNet {args[0]}: {error.Message}");
            return BadInput;
        }
        catch (Exception error) when (error is InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"SafetyNet {args[0]} failed: {error.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Runs a database verb with the application's services. Options after the verb words are the
    /// verb's; configuration comes from appsettings, the environment and <c>--Section:Key=value</c>.
    /// </summary>
    private static async Task<int> WithServices(string[] args, int verbWords, Func<VerbContext, Task<int>> run)
    {
        var (verbArgs, configArgs) = Split(args.Skip(verbWords).ToArray());
        if (verbWords > 1 && args.Length >= verbWords && args[verbWords - 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CliException($"'{args[0]}' needs a command before its options");
        }
        using var host = CreateBuilder(configArgs).Build();
        await using var scope = host.Services.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        user.ActAs($"cli:{Environment.UserName}", "command line");
        // Before the verb says or writes anything: a database of the earlier migrations is refused in one line.
        await DatabaseStartup.RefuseEarlierMigrationsAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), CancellationToken.None);
        var context = new VerbContext(scope.ServiceProvider, args.Take(Math.Min(verbWords, args.Length)).ToArray(), verbArgs);
        var code = await run(context);
        if (context.Audited is { } action)
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().WriteAsync($"cli.{action}", null, null, details: string.Join(' ', args.Take(verbWords)));
        }
        return code;
    }

    /// <summary>
    /// The host a database verb runs in: every feature's services, as the web host has them, and no web server. Its
    /// background services are never started.
    /// </summary>
    internal static HostApplicationBuilder CreateBuilder(string[] configArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSafetyNet();
        // Authorization's policy cache reads the endpoints, so its services need routing's, though no verb routes.
        builder.Services.AddRouting();
        return builder;
    }

    /// <summary>Configuration overrides look like <c>--Database:Provider=Postgres</c>; everything else is the verb's.</summary>
    private static (string[] Verb, string[] Config) Split(string[] args)
    {
        var verb = new List<string>();
        var config = new List<string>();
        foreach (var word in args)
        {
            (word.StartsWith("--", StringComparison.Ordinal) && (word.Contains(':', StringComparison.Ordinal) || word.Contains("__", StringComparison.Ordinal)) && word.Contains('=', StringComparison.Ordinal) ? config : verb).Add(word);
        }
        return (verb.ToArray(), config.ToArray());
    }

    private static async Task<int> MigrateAsync(VerbContext context)
    {
        CliArgs.Parse(context.Args, []);
        var db = context.Services.GetRequiredService<AppDb>();
        Console.Error.WriteLine("Migrating the database…");
        await DatabaseStartup.MigrateAsync(db, CancellationToken.None);
        context.Audited = "migrate";
        Console.WriteLine("Database is at the current migration.");
        return 0;
    }

    private static async Task<int> AdminCreateAsync(VerbContext context)
    {
        if (context.Words.Length < 2 || context.Words[1] != "create")
        {
            throw new CliException("try: admin create --email E");
        }
        var args = CliArgs.Parse(context.Args, ["email", "name"]);
        var email = args.Required("email").Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            throw new CliException($"--email '{email}' is not an email address");
        }
        var db = context.Services.GetRequiredService<AppDb>();
        await DatabaseStartup.MigrateAsync(db, CancellationToken.None);
        await context.Services.GetRequiredService<StartupOrder>().RunAsync(context.Services, pass => pass is AccountSeeder, CancellationToken.None);
        var users = context.Services.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new CliException($"a user with email {email} already exists");
        }
        var force = db.Agencies.Single(a => a.Code == AccountSeeder.ForceCode);
        var password = Environment.GetEnvironmentVariable("SAFETYNET_ADMIN_PASSWORD") is { Length: > 0 } given ? given : GeneratePassword();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = args.Optional("name") ?? "Administrator", AgencyId = force.Id };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new CliException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Administrator);
        context.Audited = "admin-create";
        Console.WriteLine($"Administrator {email} created. Password: {password}");
        Console.WriteLine("Change it after signing in.");
        return 0;
    }

    private static async Task<int> AuditVerifyAsync(VerbContext context)
    {
        if (context.Words.Length < 2 || context.Words[1] != "verify")
        {
            throw new CliException("try: audit verify");
        }
        CliArgs.Parse(context.Args, []);
        var result = await context.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        context.Audited = "audit-verify";
        if (!result.Intact)
        {
            await Console.Error.WriteLineAsync($"Audit trail broken: {result.FirstProblem}");
            return 1;
        }
        Console.WriteLine($"Audit trail intact: {result.SealedEvents} sealed events, {result.PendingEvents} pending sealing.");
        return 0;
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return $"{System.Security.Cryptography.RandomNumberGenerator.GetString(alphabet, 8)}-{System.Security.Cryptography.RandomNumberGenerator.GetString(alphabet, 8)}-7Q";
    }
}

/// <summary>What a database verb gets: the services, the verb's words, its options, and what to audit.</summary>
public sealed class VerbContext(IServiceProvider services, string[] words, string[] args)
{
    public IServiceProvider Services { get; } = services;
    public string[] Words { get; } = words;
    public string[] Args { get; } = args;
    public string? Audited { get; set; }
}
