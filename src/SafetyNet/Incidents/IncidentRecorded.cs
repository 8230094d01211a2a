using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Incidents;

/// <summary>What the call handler said of a person's suggested identities: the one confirmed, and those rejected.</summary>
public sealed record IdentityChoice(long? Confirmed, IReadOnlyList<long> Rejected);

/// <summary>
/// A report has just been recorded at first contact, with its people (saved, with ids). <see cref="Choices"/> holds
/// the call handler's identity choices by the person's position in <see cref="People"/>.
/// </summary>
public sealed class IncidentRecorded(Incident incident, IReadOnlyList<IncidentPerson> people, IReadOnlyDictionary<int, IdentityChoice> choices) : Happening
{
    public Incident Incident { get; } = incident;
    public IReadOnlyList<IncidentPerson> People { get; } = people;
    public IReadOnlyDictionary<int, IdentityChoice> Choices { get; } = choices;
}
