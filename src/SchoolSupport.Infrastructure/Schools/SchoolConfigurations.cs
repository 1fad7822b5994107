using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Schools;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasIndex(e => e.Code).IsUnique();
        b.Property(e => e.Code).HasMaxLength(20);
        b.Property(e => e.Name).HasMaxLength(300);
        b.Property(e => e.AuthorityName).HasMaxLength(500);
        b.Property(e => e.TimeZone).HasMaxLength(64);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<EducationalDistrict>
{
    public void Configure(EntityTypeBuilder<EducationalDistrict> b)
    {
        b.ToTable("educational_districts");
        b.Property(e => e.Name).HasMaxLength(300);
        b.Property(e => e.Code).HasMaxLength(20);
        b.HasIndex(e => new { e.RegionId, e.Code }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
    }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.Property(e => e.Name).HasMaxLength(300);
        b.Property(e => e.Code).HasMaxLength(20);
        b.HasIndex(e => new { e.RegionId, e.Code }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne<EducationalDistrict>().WithMany().HasForeignKey(e => e.DistrictId);
        b.HasIndex(e => e.RegionId);
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public const string SearchText = "SearchText";

    public void Configure(EntityTypeBuilder<School> b)
    {
        b.Property(e => e.Code).HasMaxLength(20);
        b.Property(e => e.FullName).HasMaxLength(500);
        b.Property(e => e.ShortName).HasMaxLength(200);
        b.Property(e => e.Address).HasMaxLength(500);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.RegionId, e.Code }).IsUnique();
        b.HasIndex(e => new { e.RegionId, e.MunicipalityId, e.ShortName });
        b.HasIndex(e => new { e.RegionId, e.ShortName });
        b.HasIndex(e => new { e.RegionId, e.Locality, e.Enrolment });
        // Registry search: a substring of the code or either name, case-insensitive, served by a trigram index.
        b.Property<string>(SearchText).HasComputedColumnSql("code || ' ' || short_name || ' ' || full_name", stored: true);
        b.HasIndex(SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne(e => e.Municipality).WithMany().HasForeignKey(e => e.MunicipalityId);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Profiles).WithOne().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SchoolYearProfileConfiguration : IEntityTypeConfiguration<SchoolYearProfile>
{
    public void Configure(EntityTypeBuilder<SchoolYearProfile> b)
    {
        b.ToTable("school_year_profiles");
        b.HasIndex(e => new { e.SchoolId, e.Year }).IsUnique();
        // The identification and the trial read a region's profiles of a few years: without this, each region scans all regions' rows.
        b.HasIndex(e => new { e.RegionId, e.Year });
        foreach (var p in new[] { nameof(SchoolYearProfile.StaffingPercent), nameof(SchoolYearProfile.DisabledStudentsShare),
                     nameof(SchoolYearProfile.NonNativeSpeakersShare), nameof(SchoolYearProfile.ParentsHigherEducationShare),
                     nameof(SchoolYearProfile.UnemployedParentsShare), nameof(SchoolYearProfile.RegisteredStudentsShare),
                     nameof(SchoolYearProfile.OlympiadShare), nameof(SchoolYearProfile.ContinuingToGrade10Share),
                     nameof(SchoolYearProfile.TeachersAverageAge) })
        {
            b.Property(p).HasPrecision(6, 2);
        }
    }
}
