using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Partnerships;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.Property(e => e.Title).HasMaxLength(500);
        b.Property(e => e.AgreementNumber).HasMaxLength(100);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.RegionId, e.Status, e.SignedOn });
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.LeaderSchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(e => e.AgreementDocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.Schools).WithOne().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Activities).WithOne().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Reports).WithOne().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnershipSchoolConfiguration : IEntityTypeConfiguration<PartnershipSchool>
{
    public void Configure(EntityTypeBuilder<PartnershipSchool> b)
    {
        b.ToTable("partnership_schools");
        b.HasIndex(e => new { e.PartnershipId, e.SchoolId }).IsUnique();
        b.HasIndex(e => e.SchoolId);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartnershipActivityConfiguration : IEntityTypeConfiguration<PartnershipActivity>
{
    public void Configure(EntityTypeBuilder<PartnershipActivity> b)
    {
        b.ToTable("partnership_activities");
        b.Property(e => e.Title).HasMaxLength(2000);
        b.Property(e => e.Responsible).HasMaxLength(500);
    }
}

internal sealed class PartnershipReportConfiguration : IEntityTypeConfiguration<PartnershipReport>
{
    public void Configure(EntityTypeBuilder<PartnershipReport> b)
    {
        b.ToTable("partnership_reports");
        b.Property(e => e.Text).HasMaxLength(8000);
        b.Property(e => e.AuthorName).HasMaxLength(256);
    }
}
