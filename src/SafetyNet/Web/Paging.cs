namespace SafetyNet.Web;

/// <summary>The list shape every API list answers with.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 500;

    public int Skip => (Page - 1) * PageSize;

    public static Paging Read(Validation v, int? page, int? pageSize, int defaultSize = 50)
    {
        if (page is < 1)
        {
            v.Add("page", "page starts at 1");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            v.Add("pageSize", $"pageSize must be from 1 to {MaxPageSize}");
        }
        return new Paging(Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? defaultSize, 1, MaxPageSize));
    }
}
