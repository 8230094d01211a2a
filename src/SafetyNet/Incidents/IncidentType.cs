namespace SafetyNet.Incidents;

/// <summary>
/// A type a call handler picks: the police.uk categories refined into first-contact types. Reference
/// data: the list is part of the product, and each type says what first contact must do for it.
/// </summary>
/// <param name="PossibleCrime">Reporting it may amount to a crime, so a recording decision falls due.</param>
/// <param name="MandatoryAttendance">The force's mandatory attendance policy covers it.</param>
/// <param name="Instrument">The risk instrument asked on top of THRIVE, if any.</param>
/// <param name="Sensitive">Reading such a record needs a purpose; surveys need a safe channel.</param>
public sealed record IncidentType(
    string Code, string Name, string Group, string? PoliceUkCategory, bool PossibleCrime,
    bool MandatoryAttendance, string? Instrument, string? AsbCategory, bool Sensitive, string? DefaultSubgroup)
{
    public bool IsAsb => AsbCategory is not null;

    public static readonly IReadOnlyList<IncidentType> All =
    [
        new("ASB-PERSONAL", "Anti-social behaviour – personal", "Anti-social behaviour", "Anti-social behaviour", false, false, "ASB", "Personal", false, null),
        new("ASB-NUISANCE", "Anti-social behaviour – nuisance", "Anti-social behaviour", "Anti-social behaviour", false, false, "ASB", "Nuisance", false, null),
        new("ASB-ENVIRONMENTAL", "Anti-social behaviour – environmental", "Anti-social behaviour", "Anti-social behaviour", false, false, "ASB", "Environmental", false, null),
        new("DOMESTIC-ABUSE", "Domestic abuse", "Vulnerability", "Violence and sexual offences", true, true, "DASH", null, true, "Violence without injury"),
        new("STALKING", "Stalking", "Vulnerability", "Violence and sexual offences", true, false, "SDASH", null, true, "Stalking and harassment"),
        new("HARASSMENT", "Harassment", "Vulnerability", "Violence and sexual offences", true, false, "DASH", null, true, "Stalking and harassment"),
        new("MISSING-PERSON", "Missing person", "Vulnerability", null, false, false, "MISSING", null, true, null),
        new("CONCERN-FOR-SAFETY", "Concern for safety", "Vulnerability", null, false, false, null, null, false, null),
        new("BURGLARY-RESIDENTIAL", "Burglary – residential", "Crime", "Burglary", true, true, null, null, false, "Residential burglary"),
        new("BURGLARY-BUSINESS", "Burglary – business and community", "Crime", "Burglary", true, true, null, null, false, "Non-residential burglary"),
        new("ROBBERY", "Robbery", "Crime", "Robbery", true, true, null, null, false, "Robbery of personal property"),
        new("ASSAULT-SERIOUS", "Assault – serious injury", "Crime", "Violence and sexual offences", true, true, null, null, false, "Violence with injury"),
        new("ASSAULT", "Assault – no or minor injury", "Crime", "Violence and sexual offences", true, false, null, null, false, "Violence without injury"),
        new("SEXUAL-OFFENCE", "Sexual offence", "Crime", "Violence and sexual offences", true, true, null, null, true, "Other sexual offences"),
        new("CRIMINAL-DAMAGE", "Criminal damage", "Crime", "Criminal damage and arson", true, false, null, null, false, "Criminal damage"),
        new("ARSON", "Arson", "Crime", "Criminal damage and arson", true, false, null, null, false, "Arson"),
        new("VEHICLE-CRIME", "Vehicle crime", "Crime", "Vehicle crime", true, false, null, null, false, "Vehicle offences"),
        new("SHOPLIFTING", "Shoplifting", "Crime", "Shoplifting", true, false, null, null, false, "Shoplifting"),
        new("THEFT-PERSON", "Theft from the person", "Crime", "Theft from the person", true, false, null, null, false, "Theft from the person"),
        new("BICYCLE-THEFT", "Bicycle theft", "Crime", "Bicycle theft", true, false, null, null, false, "Bicycle theft"),
        new("THEFT-OTHER", "Other theft", "Crime", "Other theft", true, false, null, null, false, "Other theft offences"),
        new("DRUGS", "Drugs", "Crime", "Drugs", true, false, null, null, false, "Possession of drugs"),
        new("WEAPONS", "Possession of weapons", "Crime", "Possession of weapons", true, false, null, null, false, "Possession of weapons offences"),
        new("PUBLIC-ORDER", "Public order", "Crime", "Public order", true, false, null, null, false, "Public order offences"),
        new("OTHER-CRIME", "Other crime", "Crime", "Other crime", true, false, null, null, false, "Miscellaneous crimes against society"),
    ];

    public static IncidentType? Find(string? code) => All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The 23 Home Office offence subgroups of police recorded crime, with their police.uk category.</summary>
public static class OffenceSubgroups
{
    public static readonly IReadOnlyList<(string Subgroup, string Category)> All =
    [
        ("Homicide", "Violence and sexual offences"),
        ("Violence with injury", "Violence and sexual offences"),
        ("Violence without injury", "Violence and sexual offences"),
        ("Stalking and harassment", "Violence and sexual offences"),
        ("Death or serious injury - unlawful driving", "Violence and sexual offences"),
        ("Rape offences", "Violence and sexual offences"),
        ("Other sexual offences", "Violence and sexual offences"),
        ("Public order offences", "Public order"),
        ("Criminal damage", "Criminal damage and arson"),
        ("Arson", "Criminal damage and arson"),
        ("Shoplifting", "Shoplifting"),
        ("Other theft offences", "Other theft"),
        ("Vehicle offences", "Vehicle crime"),
        ("Residential burglary", "Burglary"),
        ("Non-residential burglary", "Burglary"),
        ("Possession of drugs", "Drugs"),
        ("Trafficking of drugs", "Drugs"),
        ("Theft from the person", "Theft from the person"),
        ("Robbery of business property", "Robbery"),
        ("Robbery of personal property", "Robbery"),
        ("Possession of weapons offences", "Possession of weapons"),
        ("Bicycle theft", "Bicycle theft"),
        ("Miscellaneous crimes against society", "Other crime"),
    ];

    public static string? CategoryOf(string? subgroup) =>
        All.FirstOrDefault(s => string.Equals(s.Subgroup, subgroup, StringComparison.OrdinalIgnoreCase)).Category;
}
