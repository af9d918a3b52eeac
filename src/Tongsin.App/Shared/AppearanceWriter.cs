using System.Globalization;
using System.Text.Json;
using Tongsin.Analysis.Appearances;

namespace Tongsin.App.Shared;

/// <summary>Appearances as JSON, the same from `tongsin appearances --format json` and /api/appearances.</summary>
internal static class AppearanceWriter
{
    public static void Json(Utf8JsonWriter j, IReadOnlyList<CalendarAppearance> appearances)
    {
        j.WriteStartArray();
        foreach (var a in appearances)
        {
            j.WriteStartObject();
            j.WriteNumber("id", a.Id);
            j.WriteString("person", a.Person);
            j.WriteString("date", a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            j.WriteString("date_basis", a.DateBasis);
            j.WriteString("activity", a.Activity);
            j.WriteString("kind", a.Kind);
            j.WriteString("place", a.Place);
            j.WriteStartArray("companions");
            foreach (var c in a.Companions)
            {
                j.WriteStartObject();
                j.WriteString("name", c.Name);
                if (c.Entity is null) j.WriteNull("entity"); else j.WriteString("entity", c.Entity);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteStartArray("articles");
            foreach (var id in a.Articles) j.WriteNumberValue(id);
            j.WriteEndArray();
            j.WriteEndObject();
        }
        j.WriteEndArray();
    }
}
