using System.Text;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Exchange;

/// <summary>RFC 4180 CSV, one article a row; the body's paragraphs are separated by a blank line.</summary>
public static class CsvRecord
{
    public const string Header = "id,source,outlet,language,title,published,captured,url,status,teaser,body,versions,removed";

    public static void Write(TextWriter w, ArticleRecord a)
    {
        var sb = new StringBuilder(256);
        sb.Append(a.Id).Append(',');
        Field(sb, a.Source.Label).Append(',');
        Field(sb, a.Source.Outlet.Name).Append(',');
        Field(sb, a.Source.Language).Append(',');
        Field(sb, a.Title).Append(',');
        sb.Append(Dates.ToIso(a.Published)).Append(',');
        sb.Append(Dates.ToIso(a.Captured)).Append(',');
        Field(sb, a.Url).Append(',');
        sb.Append(a.Status == ArticleStatus.Stub ? "stub" : "complete").Append(',');
        Field(sb, a.Teaser).Append(',');
        Field(sb, string.Join("\n\n", a.Paragraphs)).Append(',');
        sb.Append(a.VersionCount).Append(',');
        sb.Append(Dates.ToIso(a.RemovedOn));
        w.Write(sb.Append("\r\n"));
    }

    private static StringBuilder Field(StringBuilder sb, string? value)
    {
        if (string.IsNullOrEmpty(value)) return sb;
        // A leading = + - @ would be run as a formula by spreadsheets; a quote mark before it keeps it text.
        var guarded = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        if (guarded.AsSpan().IndexOfAny(",\"\r\n") < 0) return sb.Append(guarded);
        return sb.Append('"').Append(guarded.Replace("\"", "\"\"")).Append('"');
    }
}
