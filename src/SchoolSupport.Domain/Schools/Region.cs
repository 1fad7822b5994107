namespace SchoolSupport.Domain.Schools;

/// <summary>A subject of the Russian Federation: the tenant. A municipal deployment is a region with one municipality.</summary>
public sealed class Region
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Name of the regional education authority, printed in the header of reports and orders.</summary>
    public string AuthorityName { get; set; } = "";
    /// <summary>IANA time zone of the region (one of <see cref="RegionTimeZones.All"/>): its days, deadlines and jobs run on it.</summary>
    public string TimeZone { get; set; } = RegionTimeZones.Moscow;
}

/// <summary>The time zones of Russia a region may choose, with their Russian names (UTC offset and a city).</summary>
public static class RegionTimeZones
{
    public const string Moscow = "Europe/Moscow";

    public static readonly IReadOnlyList<(string Id, string Title)> All =
    [
        ("Europe/Kaliningrad", "Калининград (МСК−1)"),
        (Moscow, "Москва (МСК)"),
        ("Europe/Kirov", "Киров (МСК)"),
        ("Europe/Volgograd", "Волгоград (МСК)"),
        ("Europe/Saratov", "Саратов (МСК+1)"),
        ("Europe/Samara", "Самара (МСК+1)"),
        ("Europe/Ulyanovsk", "Ульяновск (МСК+1)"),
        ("Europe/Astrakhan", "Астрахань (МСК+1)"),
        ("Asia/Yekaterinburg", "Екатеринбург (МСК+2)"),
        ("Asia/Omsk", "Омск (МСК+3)"),
        ("Asia/Novosibirsk", "Новосибирск (МСК+4)"),
        ("Asia/Barnaul", "Барнаул (МСК+4)"),
        ("Asia/Tomsk", "Томск (МСК+4)"),
        ("Asia/Novokuznetsk", "Новокузнецк (МСК+4)"),
        ("Asia/Krasnoyarsk", "Красноярск (МСК+4)"),
        ("Asia/Irkutsk", "Иркутск (МСК+5)"),
        ("Asia/Yakutsk", "Якутск (МСК+6)"),
        ("Asia/Chita", "Чита (МСК+6)"),
        ("Asia/Vladivostok", "Владивосток (МСК+7)"),
        ("Asia/Sakhalin", "Южно-Сахалинск (МСК+8)"),
        ("Asia/Magadan", "Магадан (МСК+8)"),
        ("Asia/Kamchatka", "Петропавловск-Камчатский (МСК+9)"),
        ("Asia/Anadyr", "Анадырь (МСК+9)"),
    ];

    public static bool IsKnown(string? id) => All.Any(z => z.Id == id);

    public static string Title(string id) => All.FirstOrDefault(z => z.Id == id).Title ?? id;
}

/// <summary>A unit of the region's structure (an educational district, a municipality): a code unique in the region, a name, active or not.</summary>
public interface IStructureUnit : Common.ITenantOwned
{
    Guid Id { get; set; }
    string Code { get; set; }
    string Name { get; set; }
    bool IsActive { get; set; }
}

/// <summary>
/// An educational district (образовательный округ, as in Kirov): a group of municipalities inside the region. A deactivated
/// district keeps its municipalities' history and leaves the choice lists.
/// </summary>
public sealed class EducationalDistrict : IStructureUnit
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    /// <summary>Code unique in the region; imports refer to the district by it.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

/// <summary>A municipality (муниципальный район / городской округ). A deactivated one keeps its schools and history and leaves the choice lists.</summary>
public sealed class Municipality : IStructureUnit
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid? DistrictId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
}
