namespace SafetyNet.Insight.Offenders;

/// <summary>
/// The offence categories that the Ministry of Justice's reoffending predictors weigh: each Home Office offence code
/// maps to one (<see cref="OffenceActuarialMap"/>). <see cref="Unknown"/> is the Ministry's UNKNOWN, which no
/// predictor scores.
/// </summary>
public enum ActuarialCategory : byte
{
    Unknown,
    AbscondingOrBail,
    AcquisitiveViolence,
    BurglaryDomestic,
    BurglaryOther,
    CriminalDamage,
    DrinkDriving,
    DrugImportExportOrProduction,
    DrugPossessionOrSupply,
    Drunkenness,
    FirearmsMostSerious,
    FirearmsOther,
    FraudAndForgery,
    HandlingStolenGoods,
    MotoringOffences,
    OtherOffences,
    PublicOrderAndHarassment,
    SexualAgainstChild,
    SexualNotAgainstChild,
    TheftNonMotor,
    VehicleRelatedTheft,
    ViolenceAgainstThePersonAbhPlus,
    ViolenceAgainstThePersonSubAbh,
    WeaponsNonFirearm,
    WelfareFraud,
}

public static class ActuarialCategories
{
    public const int Count = (int)ActuarialCategory.WelfareFraud + 1;

    // The Ministry's own names, in the order of the enumeration (PUBLIC_ORDER_AND_HARRASSMENT is its spelling).
    private static readonly string[] ServiceNames =
    [
        "UNKNOWN",
        "ABSCONDING_OR_BAIL",
        "ACQUISITIVE_VIOLENCE",
        "BURGLARY_DOMESTIC",
        "BURGLARY_OTHER",
        "CRIMINAL_DAMAGE",
        "DRINK_DRIVING",
        "DRUG_IMPORT_EXPORT_OR_PRODUCTION",
        "DRUG_POSSESSION_OR_SUPPLY",
        "DRUNKENNESS",
        "FIREARMS_MOST_SERIOUS",
        "FIREARMS_OTHER",
        "FRAUD_AND_FORGERY",
        "HANDLING_STOLEN_GOODS",
        "MOTORING_OFFENCES",
        "OTHER_OFFENCES",
        "PUBLIC_ORDER_AND_HARRASSMENT",
        "SEXUAL_AGAINST_CHILD",
        "SEXUAL_NOT_AGAINST_CHILD",
        "THEFT_NON_MOTOR",
        "VEHICLE_RELATED_THEFT",
        "VIOLENCE_AGAINST_THE_PERSON_ABH_PLUS",
        "VIOLENCE_AGAINST_THE_PERSON_SUB_ABH",
        "WEAPONS_NON_FIREARM",
        "WELFARE_FRAUD",
    ];

    /// <summary>The category's name as the Ministry's service writes it, e.g. <c>BURGLARY_DOMESTIC</c>.</summary>
    public static string ServiceName(this ActuarialCategory category) => ServiceNames[(int)category];

    public static bool TryParseServiceName(ReadOnlySpan<char> name, out ActuarialCategory category)
    {
        for (var i = 0; i < ServiceNames.Length; i++)
        {
            if (name.SequenceEqual(ServiceNames[i]))
            {
                category = (ActuarialCategory)i;
                return true;
            }
        }
        category = ActuarialCategory.Unknown;
        return false;
    }
}
