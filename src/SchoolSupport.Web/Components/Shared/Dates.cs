namespace SchoolSupport.Web.Components.Shared;

/// <summary>MudDatePicker works with DateTime?; the domain with DateOnly.</summary>
public static class Dates
{
    public static DateTime? Picker(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? d) => d is null ? null : DateOnly.FromDateTime(d.Value);

    public static string Show(DateOnly? d) => d?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.GetCultureInfo("ru-RU")) ?? "—";
}
