using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Data;

/// <summary>
/// The one DbContext of the portal; it is the repository. Every <see cref="ITenantOwned"/> row is filtered to the
/// caller's region by a global query filter, and a save refuses rows of another region. It also keeps the data-protection
/// keys, so that every node behind a proxy reads every node's cookies and antiforgery tokens.
/// The platform administrator has no region: the filter shows it no tenant row and the guard lets it write none; the one
/// table it writes is <see cref="Region"/>, which nobody else but the system may change.
/// </summary>
public sealed class AppDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    private readonly bool _system;
    private readonly Guid _regionId;
    private readonly bool _platformAdmin;

    public AppDbContext(DbContextOptions<AppDbContext> options, ICurrentScope scope) : base(options)
    {
        _system = scope.IsSystem;
        _regionId = scope.Scope?.RegionId ?? Guid.Empty;
        _platformAdmin = scope.Scope?.IsIn(SchoolSupport.Domain.Common.Roles.PlatformAdmin) == true;
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<EducationalDistrict> Districts => Set<EducationalDistrict>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<SchoolYearProfile> SchoolProfiles => Set<SchoolYearProfile>();
    public DbSet<AssessmentResult> Results => Set<AssessmentResult>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanSection> PlanSections => Set<PlanSection>();
    public DbSet<PlanItem> PlanItems => Set<PlanItem>();
    public DbSet<PlanComment> PlanComments => Set<PlanComment>();
    public DbSet<PlanTransition> PlanTransitions => Set<PlanTransition>();
    public DbSet<PlanItemEvidence> PlanItemEvidence => Set<PlanItemEvidence>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<PartnershipSchool> PartnershipSchools => Set<PartnershipSchool>();
    public DbSet<PartnershipActivity> PartnershipActivities => Set<PartnershipActivity>();
    public DbSet<PartnershipReport> PartnershipReports => Set<PartnershipReport>();
    public DbSet<MentorAssignment> MentorAssignments => Set<MentorAssignment>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ConsultationStep> ConsultationSteps => Set<ConsultationStep>();
    public DbSet<ConsultationFeedback> ConsultationFeedback => Set<ConsultationFeedback>();
    public DbSet<PdEvent> PdEvents => Set<PdEvent>();
    public DbSet<PdApplication> PdApplications => Set<PdApplication>();
    public DbSet<DeficitSurvey> DeficitSurveys => Set<DeficitSurvey>();
    public DbSet<ProgrammeEntry> ProgrammeEntries => Set<ProgrammeEntry>();
    public DbSet<PracticeCard> PracticeCards => Set<PracticeCard>();
    public DbSet<RiskFactor> RiskFactors => Set<RiskFactor>();
    public DbSet<RiskQuestion> RiskQuestions => Set<RiskQuestion>();
    public DbSet<RiskSettings> RiskSettings => Set<RiskSettings>();
    public DbSet<RiskProfile> RiskProfiles => Set<RiskProfile>();
    public DbSet<RiskAnswer> RiskAnswers => Set<RiskAnswer>();
    public DbSet<KeyRisk> KeyRisks => Set<KeyRisk>();
    public DbSet<EffectivenessReview> EffectivenessReviews => Set<EffectivenessReview>();
    public DbSet<ReviewFinding> ReviewFindings => Set<ReviewFinding>();
    public DbSet<RiskDecision> RiskDecisions => Set<RiskDecision>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        var applyFilter = typeof(AppDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            applyFilter.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder) where T : class, ITenantOwned
    {
        builder.Entity<T>().HasQueryFilter(e => _system || e.RegionId == _regionId);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// New rows take the caller's region; a row of another region (a forged id) is refused. Regions themselves are created and
    /// edited by the platform administrator only (a regional administrator must not rename or re-zone another tenant).
    /// </summary>
    private void GuardTenant()
    {
        if (_system) return;
        if (!_platformAdmin && ChangeTracker.Entries<Region>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new ScopeException(InfraText.Access_RegionsOnlyPlatformAdmin);
        }
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.State == EntityState.Added && entry.Entity.RegionId == Guid.Empty) entry.Entity.RegionId = _regionId;
            if (entry.Entity.RegionId != _regionId || _regionId == Guid.Empty)
            {
                throw new ScopeException(InfraText.Access_OtherRegion);
            }
        }
    }
}
