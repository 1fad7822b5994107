using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Development;

internal sealed class PdEventConfiguration : IEntityTypeConfiguration<PdEvent>
{
    public void Configure(EntityTypeBuilder<PdEvent> b)
    {
        b.ToTable("pd_events");
        b.Property(e => e.Title).HasMaxLength(500);
        b.Property(e => e.Organiser).HasMaxLength(500);
        b.Property(e => e.Audience).HasMaxLength(1000);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.RegionId, e.StartsOn });
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
    }
}

internal sealed class PdApplicationConfiguration : IEntityTypeConfiguration<PdApplication>
{
    public void Configure(EntityTypeBuilder<PdApplication> b)
    {
        b.ToTable("pd_applications");
        b.Property(e => e.Note).HasMaxLength(2000);
        b.Property(e => e.AppliedByName).HasMaxLength(256);
        b.HasIndex(e => new { e.EventId, e.SchoolId }).IsUnique();
        b.HasOne<PdEvent>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeficitSurveyConfiguration : IEntityTypeConfiguration<DeficitSurvey>
{
    public void Configure(EntityTypeBuilder<DeficitSurvey> b)
    {
        b.ToTable("deficit_surveys");
        foreach (var p in new[] { nameof(DeficitSurvey.LearningSkillsDeficit), nameof(DeficitSurvey.TechnologiesDeficit),
                     nameof(DeficitSurvey.AssessmentDeficit), nameof(DeficitSurvey.IndividualRoutesDeficit) })
        {
            b.Property(p).HasPrecision(5, 2);
        }
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.SchoolId, e.Year }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgrammeEntryConfiguration : IEntityTypeConfiguration<ProgrammeEntry>
{
    public void Configure(EntityTypeBuilder<ProgrammeEntry> b)
    {
        b.ToTable("pd_programme_entries");
        b.Property(e => e.Note).HasMaxLength(1000);
        b.HasIndex(e => new { e.SchoolId, e.Year, e.Half, e.EventId }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PdEvent>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PracticeCardConfiguration : IEntityTypeConfiguration<PracticeCard>
{
    public void Configure(EntityTypeBuilder<PracticeCard> b)
    {
        b.ToTable("practice_cards");
        b.Property(e => e.Title).HasMaxLength(500);
        b.Property(e => e.Description).HasMaxLength(8000);
        b.Property(e => e.ReviewComment).HasMaxLength(4000);
        b.Property(e => e.ReviewedByName).HasMaxLength(256);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.RegionId, e.Status });
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}
