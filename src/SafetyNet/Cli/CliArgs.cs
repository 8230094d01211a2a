using System.Globalization;

namespace SafetyNet.Cli;

/// <summary>A verb's options: <c>--name value</c> pairs, repeated names collected, unknown names refused.</summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CliArgs() { }

    /// <param name="args">The words after the verb.</param>
    /// <param name="options">Option names that take one or more values.</param>
    /// <param name="flags">Option names that stand alone.</param>
    public static CliArgs Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string>? flags = null)
    {
        var parsed = new CliArgs();
        string? current = null;
        foreach (var word in args)
        {
            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                var name = word[2..];
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                string? inline = null;
                if (equals > 0)
                {
                    inline = name[(equals + 1)..];
                    name = name[..equals];
                }
                if (flags?.Contains(name) == true && inline is null)
                {
                    parsed._flags.Add(name);
                    current = null;
                    continue;
                }
                if (!options.Contains(name))
                {
                    throw new CliException($"unknown option --{name}");
                }
                if (!parsed._values.ContainsKey(name))
                {
                    parsed._values[name] = [];
                }
                if (inline is not null)
                {
                    parsed._values[name].Add(inline);
                    current = null;
                }
                else
                {
                    current = name;
                }
                continue;
            }
            if (current is null)
            {
                throw new CliException($"unexpected argument '{word}'");
            }
            parsed._values[current].Add(word);
        }
        foreach (var (name, values) in parsed._values)
        {
            if (values.Count == 0)
            {
                throw new CliException($"--{name} needs a value");
            }
        }
        return parsed;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public bool Has(string name) => _values.ContainsKey(name);

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public string? Optional(string name) => _values.TryGetValue(name, out var values) ? values[^1] : null;

    public string Required(string name) => Optional(name) ?? throw new CliException($"--{name} is required");

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new CliException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
        }
        return value;
    }

    public double Double(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max || !double.IsFinite(value))
        {
            throw new CliException($"--{name} must be a number from {min} to {max}, not '{text}'");
        }
        return value;
    }
}

/// <summary>Bad input on the command line: printed as one line, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
