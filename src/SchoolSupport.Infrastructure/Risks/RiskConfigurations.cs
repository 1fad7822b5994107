using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Risks;

internal sealed class RiskFactorConfiguration : IEntityTypeConfiguration<RiskFactor>
{
    public void Configure(EntityTypeBuilder<RiskFactor> b)
    {
        b.ToTable("risk_factors", t => t.HasCheckConstraint("ck_risk_factors_thresholds", "medium_from >= 0 AND high_from <= 100 AND medium_from < high_from"));
        b.Property(e => e.Code).HasMaxLength(50);
        b.Property(e => e.Title).HasMaxLength(300);
        b.Property(e => e.MediumFrom).HasPrecision(5, 1);
        b.Property(e => e.HighFrom).HasPrecision(5, 1);
        b.Property(e => e.Version).IsRowVersion();
        // Two first readers of a year writing its defaults at once would give the year two sets.
        b.HasIndex(e => new { e.RegionId, e.Year, e.Code }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasMany(e => e.Questions).WithOne().HasForeignKey(q => q.FactorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RiskQuestionConfiguration : IEntityTypeConfiguration<RiskQuestion>
{
    public void Configure(EntityTypeBuilder<RiskQuestion> b)
    {
        b.ToTable("risk_questions");
        b.Property(e => e.Text).HasMaxLength(1000);
        b.Property(e => e.Weight).HasPrecision(5, 2);
        b.Property(e => e.Version).IsRowVersion();
    }
}

internal sealed class RiskSettingsConfiguration : IEntityTypeConfiguration<RiskSettings>
{
    public void Configure(EntityTypeBuilder<RiskSettings> b)
    {
        b.ToTable("risk_settings");
        b.HasKey(e => e.RegionId);
        b.Property(e => e.Version).IsRowVersion();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
    }
}

internal sealed class RiskProfileConfiguration : IEntityTypeConfiguration<RiskProfile>
{
    public void Configure(EntityTypeBuilder<RiskProfile> b)
    {
        b.ToTable("risk_profiles");
        b.Property(e => e.UpdatedBy).HasMaxLength(256);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.SchoolId, e.Year }).IsUnique();
        b.HasIndex(e => new { e.RegionId, e.Year });
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Answers).WithOne().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.KeyRisks).WithOne().HasForeignKey(k => k.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RiskAnswerConfiguration : IEntityTypeConfiguration<RiskAnswer>
{
    public void Configure(EntityTypeBuilder<RiskAnswer> b)
    {
        b.ToTable("risk_answers", t => t.HasCheckConstraint("ck_risk_answers_share", "share BETWEEN 0 AND 100"));
        b.HasKey(e => new { e.ProfileId, e.QuestionId });
        b.Property(e => e.Share).HasPrecision(5, 1);
        b.HasOne<RiskQuestion>().WithMany().HasForeignKey(e => e.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KeyRiskConfiguration : IEntityTypeConfiguration<KeyRisk>
{
    public void Configure(EntityTypeBuilder<KeyRisk> b)
    {
        b.ToTable("key_risks");
        b.HasIndex(e => new { e.ProfileId, e.FactorId }).IsUnique();
        b.HasOne<RiskFactor>().WithMany().HasForeignKey(e => e.FactorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EffectivenessReviewConfiguration : IEntityTypeConfiguration<EffectivenessReview>
{
    public void Configure(EntityTypeBuilder<EffectivenessReview> b)
    {
        b.ToTable("effectiveness_reviews", t => t.HasCheckConstraint("ck_effectiveness_reviews_half", "half_year IN (1, 2)"));
        b.Property(e => e.Summary).HasMaxLength(4000);
        b.Property(e => e.ReviewerName).HasMaxLength(256);
        b.Property(e => e.Version).IsRowVersion();
        b.Ignore(e => e.IsLate);
        // One review per school and half-year: recording again corrects it, a double click does not add a second.
        b.HasIndex(e => new { e.SchoolId, e.Year, e.HalfYear }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Findings).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewFindingConfiguration : IEntityTypeConfiguration<ReviewFinding>
{
    public void Configure(EntityTypeBuilder<ReviewFinding> b)
    {
        b.ToTable("review_findings");
        b.HasKey(e => new { e.ReviewId, e.FactorId });
        b.Property(e => e.Text).HasMaxLength(4000);
        b.HasOne<RiskFactor>().WithMany().HasForeignKey(e => e.FactorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RiskDecisionConfiguration : IEntityTypeConfiguration<RiskDecision>
{
    public void Configure(EntityTypeBuilder<RiskDecision> b)
    {
        b.ToTable("risk_decisions");
        b.Property(e => e.FactorCode).HasMaxLength(50);
        b.Property(e => e.Text).HasMaxLength(4000);
        b.Property(e => e.Responsible).HasMaxLength(500);
        b.Property(e => e.RegisteredBy).HasMaxLength(256);
        b.Ignore(e => e.IsLate);
        b.HasIndex(e => new { e.RegionId, e.Year });
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<EffectivenessReview>().WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.SetNull);
    }
}
