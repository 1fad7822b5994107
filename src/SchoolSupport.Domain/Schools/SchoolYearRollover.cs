using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Schools;

/// <summary>
/// «Начать новый учебный год»: the record that a region turned over to the school year starting in <see cref="Year"/>;
/// one per region and year. Nothing of the past year is deleted: what closed is only marked closed.
/// </summary>
public sealed class SchoolYearRollover : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Year { get; set; }
    public DateTimeOffset DoneAt { get; set; }
    public string DoneBy { get; set; } = "";
    /// <summary>What carried over and what closed, as shown in the confirmed preview.</summary>
    public string Summary { get; set; } = "";
}
