namespace SafetyNet.Engines.Tests;

/// <summary>Finds the shared real data beside the project root, read in place and never copied.</summary>
internal static class SharedData
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "SafetyNet.slnx")))
        {
            dir = dir.Parent;
        }
        if (dir?.Parent is null)
        {
            throw new InvalidOperationException("Cannot find the project root (SafetyNet.slnx) above " + AppContext.BaseDirectory);
        }
        var path = System.IO.Path.Combine([dir.Parent.FullName, "shared", "data", .. parts]);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException("Shared data file not found", path);
    }
}
