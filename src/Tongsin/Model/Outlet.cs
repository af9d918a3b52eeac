namespace Tongsin.Model;

/// <summary>A publisher: a news agency, a newspaper, a broadcaster or a ministry.</summary>
public sealed record Outlet(string Slug, string Name, string? NameKo = null, string? Site = null);
