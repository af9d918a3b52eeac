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
public sealed record ArticleHistory(ArticleRecord Article, IReadOnlyList<ArticleVersion> Versions, DateTimeOffset? Recorded = null);
