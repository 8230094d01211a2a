using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace SafetyNet.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd, run with Debian's own Python, delivering into a
/// maildir that the test reads.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    private LoopbackSmtp(Process process, string maildir, int port)
    {
        _process = process;
        _maildir = maildir;
        Port = port;
    }

    public int Port { get; }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task<LoopbackSmtp> StartAsync()
    {
        var maildir = Directory.CreateTempSubdirectory("safetynet-mail-").FullName;
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }
        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-d", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        // The server says when it listens; read its log until then.
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            if (line.Contains("Server is listening", StringComparison.Ordinal))
            {
                break;
            }
        }
        if (process.HasExited)
        {
            throw new InvalidOperationException("aiosmtpd exited: is python3-aiosmtpd installed?");
        }
        // Keep draining its log so it never blocks on a full pipe.
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is not null)
            {
            }
        });
        return new LoopbackSmtp(process, maildir, port);
    }

    /// <summary>Every message delivered so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Delivered() =>
        Directory.GetFiles(Path.Combine(_maildir, "new")).Select(f => MimeMessage.Load(f)).ToList();

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        Directory.Delete(_maildir, recursive: true);
        return ValueTask.CompletedTask;
    }
}
