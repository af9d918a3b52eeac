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

    /// <summary>
    /// Whether a spreadsheet opening the file would take the cell for a formula and run it: it
    /// starts with =, @, a tab or a carriage return, or with + or - followed by anything but a
    /// space ("-2+3", "+A1", "-cmd|..."). Such a cell is written with a quote mark in front, which
    /// keeps it text. "- " and "+ " open prose (a dash-led title or list item), and a lone - or +
    /// is no formula either: those are left as they are.
    /// </summary>
    public static bool IsFormula(string value) => value.Length > 0 && value[0] switch
    {
        '=' or '@' or '\t' or '\r' => true,
        '+' or '-' => value.Length > 1 && value[1] != ' ',
        _ => false,
    };

    private static StringBuilder Field(StringBuilder sb, string? value) => sb.Append(Cell(value));

    /// <summary>One cell as RFC 4180 writes it, quoted when it must be, and a formula kept text.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var guarded = IsFormula(value) ? "'" + value : value;
        return guarded.AsSpan().IndexOfAny(",\"\r\n") < 0 ? guarded : "\"" + guarded.Replace("\"", "\"\"") + "\"";
    }
}
