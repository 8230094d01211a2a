using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SafetyNet.Platform;

/// <summary>
/// The address the public reaches SafetyNet at, for links sent to people (survey links). It is <c>SafetyNet:PublicUrl</c>
/// when set; otherwise the first address the server listens on, with a wildcard host written as <c>localhost</c>, so a
/// demo's links open the demo it runs.
/// </summary>
public sealed class PublicAddress(IConfiguration settings, IServiceProvider services)
{
    public const string Setting = "SafetyNet:PublicUrl";
    private const string Fallback = "http://localhost";

    public string Url
    {
        get
        {
            if (settings[Setting] is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }
            var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            return listening.Select(Readable).FirstOrDefault(a => a is not null) ?? Fallback;
        }
    }

    private static string? Readable(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
