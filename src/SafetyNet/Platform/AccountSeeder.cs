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

        if (!await db.Agencies.AnyAsync(cancellationToken))
        {
            db.Agencies.Add(new Agency { Code = ForceCode, Name = "Hertfordshire Constabulary", Kind = AgencyKind.Force });
            foreach (var district in Validation.Districts)
            {
                db.Agencies.Add(new Agency { Code = $"COUNCIL-{DistrictCode(district)}", Name = $"{district} Council", Kind = AgencyKind.DistrictCouncil, District = district });
            }
            db.Agencies.Add(new Agency { Code = "HOUSING", Name = "Hertfordshire Homes Housing Association", Kind = AgencyKind.Housing });
            db.Agencies.Add(new Agency { Code = "VICTIM-SUPPORT", Name = "Hertfordshire Victim Support Service", Kind = AgencyKind.VictimSupport });
            db.Agencies.Add(new Agency { Code = "HEALTH", Name = "Hertfordshire NHS Health Services", Kind = AgencyKind.Health });
            db.Agencies.Add(new Agency { Code = "ADULT-SERVICES", Name = "Hertfordshire Adult Care Services", Kind = AgencyKind.AdultServices });
            await db.SaveChangesAsync(cancellationToken);
        }

        // The force's teams are checked apart from the agencies: a first start stopped between the two, before
        // start-up passes ran in one transaction, left a force without teams, and this completes it.
        if (await db.Agencies.SingleOrDefaultAsync(a => a.Code == ForceCode, cancellationToken) is { } force
            && !await db.Teams.AnyAsync(t => t.AgencyId == force.Id, cancellationToken))
        {
            db.Teams.AddRange(
                new Team { AgencyId = force.Id, Code = "CALL-HANDLING", Name = "Force communications room" },
                new Team { AgencyId = force.Id, Code = "RESPONSE", Name = "Response" },
                new Team { AgencyId = force.Id, Code = "COMMUNITY-FOCUS-DESK", Name = "Community focus desk" },
                new Team { AgencyId = force.Id, Code = "CRIME-SERVICE-TEAM", Name = "Crime service team" },
                new Team { AgencyId = force.Id, Code = "INVESTIGATIONS", Name = "Investigations" });
            foreach (var district in Validation.Districts)
            {
                db.Teams.Add(new Team { AgencyId = force.Id, Code = $"SNT-{DistrictCode(district)}", Name = $"{district} safer neighbourhood team", District = district });
            }
            await db.SaveChangesAsync(cancellationToken);
        }

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
