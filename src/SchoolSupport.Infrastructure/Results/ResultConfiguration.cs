using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Infrastructure.Results;

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> b)
    {
        b.ToTable("assessment_results");
        // The natural key is the primary key, and the only index: one row per school, year, assessment, grade and subject,
        // led by the region that every query of a tenant filters on. Imports upsert on it; a school's rows lie together
        // (school card, dashboards), and a region's rows too (identification). A million-row import maintains one index.
        // No foreign key to schools: its check would cost a lookup per row (two thirds of an import's time). The import
        // checks and locks the file's schools once instead, and schools are never deleted, only their attributes change.
        b.HasKey(e => new { e.RegionId, e.SchoolId, e.Year, e.Kind, e.Grade, e.Subject });
        b.Property(e => e.MeanScore).HasPrecision(6, 2);
        b.Property(e => e.BelowMinimumShare).HasPrecision(5, 2);
        b.Property(e => e.FailShare).HasPrecision(5, 2);
    }
}
