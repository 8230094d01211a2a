using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SafetyNet.Platform;

/// <summary>The hash chain over sealed audit events, and the signed chain heads kept outside the database.</summary>
public sealed class AuditChain
{
    private readonly string _headsPath;
    private readonly string _keyPath;
    private readonly Lock _fileLock = new();

    public AuditChain(IConfiguration configuration)
    {
        var folder = Path.GetFullPath(configuration["Audit:Folder"] ?? Path.Combine("data", "audit"));
        _headsPath = Path.Combine(folder, "chain-heads.log");
        _keyPath = configuration["Audit:SigningKeyPath"] is { Length: > 0 } key ? Path.GetFullPath(key) : Path.Combine(folder, "signing.key");
    }

    public string HeadsPath => _headsPath;

    public static string Genesis => new('0', 64);

    public static string HashOf(AuditEvent e, long sequence, string previousHash)
    {
        var canonical = string.Join('\u001f',
            sequence.ToString(CultureInfo.InvariantCulture),
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.UserId ?? "", e.Actor, e.Action, e.RecordType ?? "", e.RecordId ?? "",
            e.Purpose ?? "", e.Source, e.Details ?? "", previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Appends a signed record of the chain's head: sequence, hash and an HMAC only the key holder can make.</summary>
    public void SignHead(long sequence, string hash, DateTimeOffset at)
    {
        lock (_fileLock)
        {
            var line = $"{sequence} {hash} {at.UtcDateTime:O} {Sign(sequence, hash)}";
            Directory.CreateDirectory(Path.GetDirectoryName(_headsPath)!);
            File.AppendAllText(_headsPath, line + "\n");
        }
    }

    public IReadOnlyList<SignedHead> ReadHeads()
    {
        if (!File.Exists(_headsPath))
        {
            return [];
        }
        var heads = new List<SignedHead>();
        foreach (var line in File.ReadAllLines(_headsPath))
        {
            var parts = line.Split(' ');
            if (parts.Length != 4 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var sequence))
            {
                heads.Add(new SignedHead(-1, "", false, line));
                continue;
            }
            heads.Add(new SignedHead(sequence, parts[1], CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Sign(sequence, parts[1])), Encoding.ASCII.GetBytes(parts[3])), line));
        }
        return heads;
    }

    private string Sign(long sequence, string hash)
    {
        var message = Encoding.UTF8.GetBytes($"{sequence}:{hash}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(Key(), message));
    }

    private byte[] Key()
    {
        lock (_fileLock)
        {
            if (!File.Exists(_keyPath))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_keyPath)!);
                File.WriteAllText(_keyPath, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(_keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
            return Convert.FromHexString(File.ReadAllText(_keyPath).Trim());
        }
    }
}

public sealed record SignedHead(long Sequence, string Hash, bool SignatureValid, string Line);
