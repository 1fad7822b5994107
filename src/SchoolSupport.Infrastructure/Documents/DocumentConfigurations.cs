using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Documents;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.Property(e => e.Title).HasMaxLength(500);
        b.HasIndex(e => new { e.RegionId, e.MunicipalityId, e.SchoolId, e.Kind });
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId);
        b.HasMany(e => e.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.ToTable("document_versions");
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.StoragePath).HasMaxLength(500);
        b.Property(e => e.UploadedByName).HasMaxLength(256);
        b.Property(e => e.ReviewedByName).HasMaxLength(256);
        b.Property(e => e.ReviewComment).HasMaxLength(4000);
        b.HasIndex(e => new { e.DocumentId, e.Number }).IsUnique();
    }
}
