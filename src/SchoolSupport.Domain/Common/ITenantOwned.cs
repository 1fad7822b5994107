namespace SchoolSupport.Domain.Common;

/// <summary>A row that belongs to one region (the tenant). The data layer filters every query by it.</summary>
public interface ITenantOwned
{
    Guid RegionId { get; set; }
}
