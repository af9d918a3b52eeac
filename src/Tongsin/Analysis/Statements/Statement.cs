namespace Tongsin.Analysis.Statements;

/// <summary>
/// A statement one article carries: its kind; who issued it (a person, with the gazetteer's slug
/// when it knows them, and the office: the body or post, with the organisation's slug when the
/// recogniser finds one); whether the issuer is of the DPRK; the day it is dated; and the countries
/// and organisations it is directed against, by slug.
/// </summary>
public sealed record Statement(
    StatementKind Kind,
    string? Issuer,
    string? IssuerSlug,
    string? Office,
    string? OfficeSlug,
    bool Dprk,
    IReadOnlyList<string> Targets,
    DateOnly Published);
