using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Identity;

namespace SchoolSupport.Infrastructure.Mentoring;

internal sealed class MentorAssignmentConfiguration : IEntityTypeConfiguration<MentorAssignment>
{
    public void Configure(EntityTypeBuilder<MentorAssignment> b)
    {
        b.ToTable("mentor_assignments");
        b.Property(e => e.MentorName).HasMaxLength(256);
        b.Property(e => e.AssignedByName).HasMaxLength(256);
        b.Property(e => e.Teachers).HasMaxLength(2000);
        b.Property(e => e.Responsibilities).HasMaxLength(4000);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.MentorId, e.From, e.To });
        b.HasIndex(e => e.SchoolId);
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.MentorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.Property(e => e.MentorName).HasMaxLength(256);
        b.Property(e => e.Topic).HasMaxLength(1000);
        b.Property(e => e.ParticipantRoles).HasMaxLength(1000);
        b.Property(e => e.Outcome).HasMaxLength(8000);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.SchoolId, e.Date });
        b.HasIndex(e => new { e.MentorId, e.Date });
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.MentorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(e => e.MaterialsDocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.NextSteps).WithOne().HasForeignKey(s => s.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsultationStepConfiguration : IEntityTypeConfiguration<ConsultationStep>
{
    public void Configure(EntityTypeBuilder<ConsultationStep> b)
    {
        b.ToTable("consultation_steps");
        b.Property(e => e.Text).HasMaxLength(2000);
    }
}

internal sealed class ConsultationFeedbackConfiguration : IEntityTypeConfiguration<ConsultationFeedback>
{
    public void Configure(EntityTypeBuilder<ConsultationFeedback> b)
    {
        b.ToTable("consultation_feedback", t => t.HasCheckConstraint("ck_consultation_feedback_rating", "rating BETWEEN 1 AND 5"));
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Comment).HasMaxLength(4000);
        b.HasIndex(e => new { e.ConsultationId, e.UserId }).IsUnique();
        b.HasOne<Consultation>().WithMany().HasForeignKey(e => e.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}
