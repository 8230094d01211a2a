namespace SafetyNet.Tests.Infrastructure;

/// <summary>The shared real data beside the project root, read in place and never copied.</summary>
public static class SharedData
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "SafetyNet.slnx")))
        {
            dir = dir.Parent;
        }
        return System.IO.Path.Combine([dir?.Parent?.FullName ?? throw new InvalidOperationException("no project root above " + AppContext.BaseDirectory), "shared", "data", .. parts]);
    }
}
