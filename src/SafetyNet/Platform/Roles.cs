namespace SafetyNet.Platform;

/// <summary>The roles a SafetyNet user can hold, named as the force names them.</summary>
public static class Roles
{
    public const string CallHandler = nameof(CallHandler);
    public const string Officer = nameof(Officer);
    public const string Supervisor = nameof(Supervisor);
    public const string CommunityFocusDesk = nameof(CommunityFocusDesk);
    public const string CrimeServiceTeam = nameof(CrimeServiceTeam);
    public const string CrimeRegistrar = nameof(CrimeRegistrar);
    public const string Analyst = nameof(Analyst);
    public const string PartnerCaseworker = nameof(PartnerCaseworker);
    public const string Administrator = nameof(Administrator);
    public const string Auditor = nameof(Auditor);

    public static readonly IReadOnlyList<string> All =
    [
        CallHandler, Officer, Supervisor, CommunityFocusDesk, CrimeServiceTeam, CrimeRegistrar,
        Analyst, PartnerCaseworker, Administrator, Auditor,
    ];

    /// <summary>Roles whose holders work on the force's operational records (incidents, people, crimes).</summary>
    public static readonly IReadOnlyList<string> ForceOperational =
    [
        CallHandler, Officer, Supervisor, CommunityFocusDesk, CrimeServiceTeam, CrimeRegistrar,
    ];

    public static string Describe(string role) => role switch
    {
        CallHandler => "Call handler",
        Officer => "Officer",
        Supervisor => "Supervisor",
        CommunityFocusDesk => "Community focus desk",
        CrimeServiceTeam => "Crime service team",
        CrimeRegistrar => "Force crime registrar",
        Analyst => "Analyst",
        PartnerCaseworker => "Partner caseworker",
        Administrator => "Administrator",
        Auditor => "Auditor",
        _ => role,
    };
}
