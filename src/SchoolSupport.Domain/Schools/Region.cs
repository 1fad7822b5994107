namespace SchoolSupport.Domain.Schools;

/// <summary>A subject of the Russian Federation: the tenant. A municipal deployment is a region with one municipality.</summary>
public sealed class Region
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Name of the regional education authority, printed in the header of reports and orders.</summary>
    public string AuthorityName { get; set; } = "";
}

public sealed class EducationalDistrict : Common.ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public string Name { get; set; } = "";
}

public sealed class Municipality : Common.ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid? DistrictId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}
