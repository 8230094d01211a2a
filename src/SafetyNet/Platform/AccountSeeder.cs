using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Web;

namespace SafetyNet.Platform;

/// <summary>
/// Seeds the roles, the agencies of Hertfordshire's community-safety partnership and the force's teams;
/// in demo mode, also one user per role.
/// </summary>
public sealed class AccountSeeder(AppDb db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, IConfiguration configuration) : IStartupSeeder
{
    public const string ForceCode = "HERTS-POLICE";
    public const string DemoDomain = "safetynet.test";

    /// <summary>The agencies of Hertfordshire's community-safety partnership.</summary>
    public static IEnumerable<Agency> Agencies =>
    [
        new Agency { Code = ForceCode, Name = "Hertfordshire Constabulary", Kind = AgencyKind.Force },
        .. Validation.Districts.Select(d => new Agency { Code = $"COUNCIL-{DistrictCode(d)}", Name = $"{d} Council", Kind = AgencyKind.DistrictCouncil, District = d }),
        new Agency { Code = "HOUSING", Name = "Hertfordshire Homes Housing Association", Kind = AgencyKind.Housing },
        new Agency { Code = "VICTIM-SUPPORT", Name = "Hertfordshire Victim Support Service", Kind = AgencyKind.VictimSupport },
        new Agency { Code = "HEALTH", Name = "Hertfordshire NHS Health Services", Kind = AgencyKind.Health },
        new Agency { Code = "ADULT-SERVICES", Name = "Hertfordshire Adult Care Services", Kind = AgencyKind.AdultServices },
        new Agency { Code = "CHILDRENS-SERVICES", Name = "Hertfordshire Children's Services", Kind = AgencyKind.ChildrensServices },
    ];

    /// <summary>The teams: the force's, and those of a partner that receive referrals of their own (the IDVA service).</summary>
    public static IEnumerable<(string Agency, string Code, string Name, string? District)> Teams =>
    [
        (ForceCode, "CALL-HANDLING", "Force communications room", null),
        (ForceCode, "RESPONSE", "Response", null),
        (ForceCode, "COMMUNITY-FOCUS-DESK", "Community focus desk", null),
        (ForceCode, "CRIME-SERVICE-TEAM", "Crime service team", null),
        (ForceCode, "INVESTIGATIONS", "Investigations", null),
        (ForceCode, "DIGITAL-FORENSICS", "Digital forensics unit", null),
        (ForceCode, ReferralTeams.OlderPersonLiaison, "Older person liaison officers", null),
        (ForceCode, ReferralTeams.Marac, "MARAC co-ordination", null),
        (ForceCode, ReferralTeams.Mash, "Multi-agency safeguarding hub (MASH)", null),
        ("VICTIM-SUPPORT", ReferralTeams.Idva, "Independent domestic violence advisers (IDVA)", null),
        .. Validation.Districts.Select(d => (ForceCode, $"SNT-{DistrictCode(d)}", $"{d} safer neighbourhood team", (string?)d)),
    ];

    /// <summary>Demo accounts for the teams that receive referrals and for the investigations team, each in its team.</summary>
    public static readonly IReadOnlyList<(string Email, string Agency, string Role, string Team, string Name)> SpecialistUsers =
    [
        ("liaison.officer@" + DemoDomain, ForceCode, Roles.Officer, ReferralTeams.OlderPersonLiaison, "Demo older person liaison officer"),
        ("marac.coordinator@" + DemoDomain, ForceCode, Roles.Officer, ReferralTeams.Marac, "Demo MARAC co-ordinator"),
        ("mash.officer@" + DemoDomain, ForceCode, Roles.Officer, ReferralTeams.Mash, "Demo MASH officer"),
        ("idva@" + DemoDomain, "VICTIM-SUPPORT", Roles.PartnerCaseworker, ReferralTeams.Idva, "Demo IDVA"),
        ("childrens.caseworker@" + DemoDomain, "CHILDRENS-SERVICES", Roles.PartnerCaseworker, "", "Demo children's services caseworker"),
        ("adultcare.caseworker@" + DemoDomain, "ADULT-SERVICES", Roles.PartnerCaseworker, "", "Demo adult care caseworker"),
        ("investigator@" + DemoDomain, ForceCode, Roles.Officer, "INVESTIGATIONS", "Demo investigator"),
        ("detective@" + DemoDomain, ForceCode, Roles.Officer, "INVESTIGATIONS", "Demo detective constable"),
        ("detective.sergeant@" + DemoDomain, ForceCode, Roles.Supervisor, "INVESTIGATIONS", "Demo detective sergeant"),
        ("detective.inspector@" + DemoDomain, ForceCode, Roles.Supervisor, "INVESTIGATIONS", "Demo detective inspector"),
        ("dfu@" + DemoDomain, ForceCode, Roles.Officer, "DIGITAL-FORENSICS", "Demo digital forensics examiner"),
    ];

    public static string DistrictCode(string district) => district.ToUpperInvariant().Replace(' ', '-');

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        // Agencies and teams are completed by code, not only on a first start: a database made before one was
        // added gains it at the next start, and a start stopped half-way is finished by the next.
        var agencies = await db.Agencies.Select(a => a.Code).ToHashSetAsync(cancellationToken);
        foreach (var agency in Agencies.Where(a => !agencies.Contains(a.Code)))
        {
            db.Agencies.Add(agency);
        }
        await db.SaveChangesAsync(cancellationToken);
        var byCode = await db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var teams = await db.Teams.Select(t => t.Code).ToHashSetAsync(cancellationToken);
        foreach (var (agency, code, name, district) in Teams.Where(t => !teams.Contains(t.Code)))
        {
            db.Teams.Add(new Team { AgencyId = byCode[agency], Code = code, Name = name, District = district });
        }
        await db.SaveChangesAsync(cancellationToken);

        if (configuration.GetValue("Demo:Enabled", false))
        {
            await SeedDemoUsersAsync(cancellationToken);
        }
    }

    private async Task SeedDemoUsersAsync(CancellationToken cancellationToken)
    {
        var password = DemoPassword(configuration);
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, cancellationToken);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Code, cancellationToken);
        foreach (var role in Roles.All)
        {
            var email = $"{role.ToLowerInvariant()}@{DemoDomain}";
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                var agency = role == Roles.PartnerCaseworker ? agencies["COUNCIL-WATFORD"] : agencies[ForceCode];
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Demo {Roles.Describe(role).ToLowerInvariant()}", AgencyId = agency.Id };
                Check(await users.CreateAsync(user, password));
                Check(await users.AddToRoleAsync(user, role));
                var team = role switch
                {
                    Roles.CallHandler => "CALL-HANDLING",
                    Roles.Officer or Roles.Supervisor => "RESPONSE",
                    Roles.CommunityFocusDesk => "COMMUNITY-FOCUS-DESK",
                    Roles.CrimeServiceTeam => "CRIME-SERVICE-TEAM",
                    _ => null,
                };
                if (team is not null)
                {
                    db.TeamMemberships.Add(new TeamMembership { UserId = user.Id, TeamId = teams[team].Id });
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            else if (!await users.CheckPasswordAsync(user, password))
            {
                // Demo:Password changed since the last start: the printed password must work.
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, password));
            }
        }
        await SeedSpecialistUsersAsync(password, cancellationToken);
    }

    private async Task SeedSpecialistUsersAsync(string password, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        foreach (var (email, agency, role, team, name) in SpecialistUsers)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, AgencyId = agencies[agency] };
                Check(await users.CreateAsync(user, password));
                Check(await users.AddToRoleAsync(user, role));
                if (team.Length > 0)
                {
                    db.TeamMemberships.Add(new TeamMembership { UserId = user.Id, TeamId = teams[team] });
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            else if (!await users.CheckPasswordAsync(user, password))
            {
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, password));
            }
        }
    }

    /// <summary>
    /// The demo password: <c>Demo:Password</c> when set, otherwise one generated at first start and kept
    /// beside the database so every start can print it.
    /// </summary>
    public static string DemoPassword(IConfiguration configuration)
    {
        if (configuration["Demo:Password"] is { Length: > 0 } configured)
        {
            return configured;
        }
        var file = Path.GetFullPath(configuration["Demo:PasswordFile"] ?? Path.Combine("data", "demo-password.txt"));
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var generated = $"Sn-{RandomNumberGenerator.GetString(alphabet, 6)}-{RandomNumberGenerator.GetString(alphabet, 6)}-9a";
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, generated);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return generated;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
