using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Roadmaps;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(e => e.Title).HasMaxLength(500);
        b.Property(e => e.Goals).HasMaxLength(8000);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.RegionId, e.MunicipalityId, e.SchoolId });
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId);
        b.HasMany(e => e.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Transitions).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Comments).WithOne().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> b)
    {
        b.ToTable("plan_items");
        b.Property(e => e.Activity).HasMaxLength(2000);
        foreach (var p in new[] { nameof(PlanItem.Responsible), nameof(PlanItem.Participants), nameof(PlanItem.Indicator),
                     nameof(PlanItem.Target), nameof(PlanItem.Actual) })
        {
            b.Property(p).HasMaxLength(1000);
        }
        b.Property(e => e.Comments).HasMaxLength(4000);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.Status, e.Deadline });
        b.HasOne<PlanSection>().WithMany().HasForeignKey(e => e.SectionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> b)
    {
        b.ToTable("plan_sections");
        b.Property(e => e.Title).HasMaxLength(300);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.RegionId, e.Order });
        // Two first readers writing the defaults at once, or two sections of one name, would make the template ambiguous.
        b.HasIndex(e => new { e.RegionId, e.Title }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
    }
}

internal sealed class PlanTransitionConfiguration : IEntityTypeConfiguration<PlanTransition>
{
    public void Configure(EntityTypeBuilder<PlanTransition> b)
    {
        b.ToTable("plan_transitions");
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Comment).HasMaxLength(4000);
    }
}

internal sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> b)
    {
        b.ToTable("plan_comments");
        b.Property(e => e.AuthorName).HasMaxLength(256);
        b.Property(e => e.Text).HasMaxLength(4000);
        b.HasOne<PlanItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanItemEvidenceConfiguration : IEntityTypeConfiguration<PlanItemEvidence>
{
    public void Configure(EntityTypeBuilder<PlanItemEvidence> b)
    {
        b.ToTable("plan_item_evidence");
        b.HasKey(e => new { e.ItemId, e.DocumentVersionId });
        b.HasIndex(e => e.DocumentVersionId);
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne<PlanItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DocumentVersion>().WithMany().HasForeignKey(e => e.DocumentVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
