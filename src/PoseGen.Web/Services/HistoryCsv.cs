using System.Globalization;

namespace PoseGen.Web.Services;

/// <summary>
/// CSV as RFC 4180 writes it (comma, CRLF, quotes doubled inside quoted fields), with numbers in invariant culture.
/// </summary>
public static class HistoryCsv
{
    public const string EntryHeader =
        "id,kind,kind_name,created_at_utc,title,summary,exercise,good_reps,improper_reps,score,seconds";
    public const string RepHeader = "rep,start_s,peak_s,end_s,verdict,quality,issues,explanation";

    public static string Line(params string?[] fields) => string.Join(',', fields.Select(Field));

    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A field, quoted when it holds a comma, quote or line break. Text a spreadsheet would run as a formula
    /// (starting with = + - @) gets a leading apostrophe (OWASP's advice on CSV injection); numbers never start
    /// so.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float,
            CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal)
            + "\"" : value;
    }
}
