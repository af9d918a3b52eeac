using Tongsin.Exchange;

namespace Tongsin.App.Commands;

/// <summary>The CSV the listing commands print.</summary>
internal static class Csv
{
    // RFC 4180, and a cell a spreadsheet would run as a formula kept text, as the export does.
    public static string Cell(string value)
    {
        var guarded = CsvRecord.IsFormula(value) ? "'" + value : value;
        return guarded.AsSpan().IndexOfAny(",\"\r\n") < 0 ? guarded : "\"" + guarded.Replace("\"", "\"\"") + "\"";
    }
}
