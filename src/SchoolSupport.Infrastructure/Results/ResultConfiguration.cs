using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Results;

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> b)
    {
        b.ToTable("assessment_results");
        // The natural key is the primary key: one row per school, year, assessment, grade and subject. Imports upsert on it,
        // and no surrogate key means one index less to maintain on a million-row import.
        b.HasKey(e => new { e.SchoolId, e.Year, e.Kind, e.Grade, e.Subject });
        b.HasIndex(e => new { e.RegionId, e.Year });
        b.Property(e => e.MeanScore).HasPrecision(6, 2);
        b.Property(e => e.BelowMinimumShare).HasPrecision(5, 2);
        b.Property(e => e.FailShare).HasPrecision(5, 2);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
