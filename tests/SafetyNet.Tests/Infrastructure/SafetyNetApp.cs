using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Tests.Infrastructure;

/// <summary>
/// The whole application on a private database of the chosen provider, with a fake clock, demo users and
/// a known password. Each instance has its own database and audit folder.
/// </summary>
public sealed class SafetyNetApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-123!";
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly string _folder;
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _postgresDatabase;
    private readonly ScratchDatabase? _database;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="database">A database that outlives this application (another start on it follows); it is neither created nor dropped here.</param>
    /// <param name="services">Changes to the application's services, after its own.</param>
    /// <param name="start">When the fake clock starts; <see cref="Start"/> unless a test needs another season.</param>
    public SafetyNetApp(DatabaseProvider provider, bool kestrel = false, IDictionary<string, string?>? settings = null,
        ScratchDatabase? database = null, Action<IServiceCollection>? services = null, DateTimeOffset? start = null)
    {
        Provider = provider;
        Time = new FakeTimeProvider(start ?? Start);
        _database = database;
        _services = services;
        _folder = database?.Folder ?? Directory.CreateTempSubdirectory("safetynet-test-").FullName;
        string connection;
        if (database is not null)
        {
            connection = database.ConnectionString;
        }
        else if (provider == DatabaseProvider.Postgres)
        {
            _postgresDatabase = $"sn_test_{Guid.NewGuid():N}";
            connection = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            connection = $"Data Source={Path.Combine(_folder, "safetynet.db")}";
        }
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:SafetyNet"] = connection,
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = Password,
            ["Demo:Incidents"] = "0",
            ["Audit:Folder"] = Path.Combine(_folder, "audit"),
            ["Audit:SealInBackground"] = "false",
            ["Messaging:SendInBackground"] = "false",
            ["People:ResolveInBackground"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public DatabaseProvider Provider { get; }

    public FakeTimeProvider Time { get; }

    public string Folder => _folder;

    /// <summary>Starts the server and waits until migrations and seeding are done.</summary>
    public async Task<SafetyNetApp> ReadyAsync()
    {
        if (_postgresDatabase is not null)
        {
            await using var admin = new NpgsqlConnection(TestDatabases.PostgresServer);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        StartServer();
        await Services.GetRequiredService<StartupState>().WhenReady;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development: a service that cannot be built, or a scoped one held by a singleton, fails the start.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            // Every first start hashes each demo user's password and every sign-in checks one: a single iteration keeps
            // them quick (a hash records its own count, so hashes made either way still verify).
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
            _services?.Invoke(services);
        });
    }

    /// <summary>A client whose requests carry a bearer token of the demo user holding <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string role)
    {
        var client = CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoEmail(role), password = Password });
        login.EnsureSuccessStatusCode();
        var token = await login.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public static string DemoEmail(string role) => $"{role.ToLowerInvariant()}@{AccountSeeder.DemoDomain}";

    /// <summary>Runs work against the app's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            return;
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestDatabases.PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the system's temporary-file cleaning.
        }
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

/// <summary>Which database providers the tests run on: SQLite always, PostgreSQL when a server is given.</summary>
public static class TestDatabases
{
    /// <summary>A connection string to a PostgreSQL server where the tests may create databases.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SAFETYNET_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("SAFETYNET_TEST_POSTGRES is not set: run the tests with scripts/test.sh");

    public static bool HasPostgres => Environment.GetEnvironmentVariable("SAFETYNET_TEST_POSTGRES") is { Length: > 0 };

    public static IEnumerable<object[]> Providers()
    {
        yield return [DatabaseProvider.Sqlite];
        if (HasPostgres)
        {
            yield return [DatabaseProvider.Postgres];
        }
    }
}
