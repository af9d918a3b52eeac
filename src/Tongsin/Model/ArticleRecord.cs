namespace Tongsin.Model;

public enum ArticleStatus { Stub, Complete }

/// <summary>An article as the archive holds it: its current version and what is known about it.</summary>
public sealed record ArticleRecord(
    long Id,
    Source Source,
    string Title,
    DateOnly Published,
    DateOnly? Captured,
    string? Url,
    ArticleStatus Status,
    string? Teaser,
    IReadOnlyList<string> Paragraphs,
    int VersionCount,
    DateOnly? RemovedOn,
    string? ContentHash,
    Dateline? Dateline = null);

/// <summary>One text an article has had. Versions are numbered in the order the archive learnt of them.</summary>
public sealed record ArticleVersion(
    int Number,
    string Title,
    IReadOnlyList<string> Paragraphs,
    DateOnly? Captured,
    string Hash,
    DateTimeOffset RecordedAt);

/// <summary>
/// An article with every version it has had, oldest first: what an export carries. An export reads
/// the versions only of an article that has several; <paramref name="Recorded"/> says when the
/// current one was recorded, so an article of one version keeps that too.
/// </summary>
public sealed record ArticleHistory(ArticleRecord Article, IReadOnlyList<ArticleVersion> Versions, DateTimeOffset? Recorded = null)
{
    /// <summary>Every address the article was found under, the first first; empty where the reader did not read them.</summary>
    public IReadOnlyList<ArticleAddress> Addresses { get; init; } = [];

    /// <summary>The copies of this text in the archive (reprints), when they were read: null where they were not.</summary>
    public ReprintLinks? Reprints { get; init; }

    /// <summary>The people, organisations, countries and places the current text names, when they were read: null where they were not.</summary>
    public IReadOnlyList<NamedEntity>? Mentions { get; init; }
}

/// <summary>An entity an article names: its canonical name, kind (person, organisation, country, place, idea), slug and how many times.</summary>
public sealed record NamedEntity(string Entity, string Kind, string Slug, int Count);

/// <summary>
/// An article's place among the copies of one text: the cluster's original (the earliest
/// published; null when no other article is a copy of this one) and the other copies.
/// </summary>
public sealed record ReprintLinks(long? Original, IReadOnlyList<ReprintLink> Others)
{
    public static readonly ReprintLinks None = new(null, []);
}

/// <summary>Another copy of the text: its article, source (slug), publication day, and estimated similarity to the original.</summary>
public sealed record ReprintLink(long Id, string Source, DateOnly Published, double Similarity);

/// <summary>
/// An address an article was found under, with the days it was first and last seen there (the
/// capture's day, or the day it was stored when the capture does not say), and the day it was
/// found gone from it, while it is.
/// </summary>
public sealed record ArticleAddress(string Url, DateOnly FirstSeen, DateOnly LastSeen, DateOnly? GoneOn = null);
