using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Identification;

internal sealed class MethodologyVersionConfiguration : IEntityTypeConfiguration<MethodologyVersion>
{
    public void Configure(EntityTypeBuilder<MethodologyVersion> b)
    {
        b.ToTable("methodologies");
        b.Property(e => e.Json).HasColumnType("jsonb");
        b.Property(e => e.Name).HasMaxLength(300);
        b.Property(e => e.RowVersion).IsRowVersion();
        b.HasIndex(e => new { e.RegionId, e.Year, e.Version }).IsUnique();
    }
}

internal sealed class SupportListConfiguration : IEntityTypeConfiguration<SupportList>
{
    public void Configure(EntityTypeBuilder<SupportList> b)
    {
        b.ToTable("support_lists");
        b.Property(e => e.RowVersion).IsRowVersion();
        b.Property(e => e.OrderNumber).HasMaxLength(50);
        b.HasIndex(e => new { e.RegionId, e.Year, e.Version }).IsUnique();
        b.HasOne<MethodologyVersion>().WithMany().HasForeignKey(e => e.MethodologyId);
        b.HasMany(e => e.Entries).WithOne().HasForeignKey(e => e.ListId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.History).WithOne().HasForeignKey(e => e.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportListEntryConfiguration : IEntityTypeConfiguration<SupportListEntry>
{
    public void Configure(EntityTypeBuilder<SupportListEntry> b)
    {
        b.ToTable("support_list_entries");
        b.Property(e => e.EvidenceJson).HasColumnType("jsonb");
        b.HasIndex(e => new { e.ListId, e.SchoolId }).IsUnique();
        b.HasIndex(e => e.SchoolId);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId);
        b.Property(e => e.FormatResponsible).HasDefaultValue("");
        b.Property(e => e.FormatReason).HasDefaultValue("");
        b.Property(e => e.FormatDecidedBy).HasDefaultValue("");
    }
}

internal sealed class ListTransitionConfiguration : IEntityTypeConfiguration<ListTransition>
{
    public void Configure(EntityTypeBuilder<ListTransition> b) => b.ToTable("support_list_history");
}

internal sealed class IdentificationRunConfiguration : IEntityTypeConfiguration<IdentificationRun>
{
    public void Configure(EntityTypeBuilder<IdentificationRun> b)
    {
        b.ToTable("identification_runs");
        b.HasIndex(e => new { e.RegionId, e.StartedAt });
    }
}

internal sealed class SavedTrialConfiguration : IEntityTypeConfiguration<SavedTrial>
{
    public void Configure(EntityTypeBuilder<SavedTrial> b)
    {
        b.ToTable("identification_trials");
        b.Property(e => e.Name).HasMaxLength(SavedTrial.NameMaxLength);
        b.Property(e => e.OutcomeJson).HasColumnType("jsonb");
        b.HasIndex(e => new { e.RegionId, e.Year });
        b.HasOne<MethodologyVersion>().WithMany().HasForeignKey(e => e.MethodologyId);
    }
}
