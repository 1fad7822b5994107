using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Development;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Infrastructure.Inbox;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Mentoring;
using SchoolSupport.Infrastructure.Partnerships;
using SchoolSupport.Infrastructure.Platform;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Risks;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.SchoolYear;
using SchoolSupport.Infrastructure.Structure;

namespace SchoolSupport.Infrastructure;

public static class DependencyInjection
{
    public static void ConfigureDb(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 6, TimeSpan.FromSeconds(5), null))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(DataGeneration.Interceptors); // #18: writes drop the cached inbox counts

    /// <summary>Registers the data layer, jobs and file services. The caller registers <see cref="ICurrentScope"/>.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string connectionString, bool runJobServer)
    {
        services.AddDbContextFactory<AppDbContext>(o => ConfigureDb(o, connectionString), ServiceLifetime.Scoped);
        services.AddSingleton<SystemDb>();
        services.AddSingleton(TimeProvider.System);
        services.AddTransient<HousekeepingJob>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AuditQueries>(); // #19: the audit log in Russian
        services.AddScoped<InviteUser>();
        services.AddScoped<BulkInvitation>();
        services.AddScoped<AccountMail>();
        services.AddScoped<SetPassword>();
        services.AddScoped<ForgotPassword>();
        services.AddScoped<ChangeUserAccess>();
        services.AddScoped<CreateFirstAdmin>();
        services.AddScoped<HomeDashboard>();
        services.AddScoped<InboxQueries>();
        services.AddMemoryCache(); // #18: the menu's inbox count, cached per user
        services.AddScoped<InboxCount>();
        services.AddSingleton<SharedReads>(); // #18: views many open at once, read once per visibility
        services.AddScoped<NotificationService>();
        services.AddScoped<Notices>();
        services.AddTransient<NoticeDigestJob>();
        services.AddScoped<SchoolRegistry>();
        services.AddScoped<SaveRegion>();
        services.AddScoped<RegionQueries>();
        services.AddScoped<InviteRegionAdministrator>();
        services.AddScoped<StructureQueries>();
        services.AddScoped<SaveDistrict>();
        services.AddScoped<SaveMunicipality>();
        services.AddScoped<StructureImport>();
        services.AddScoped<RegistryImport>();
        services.AddScoped<RegistryExports>();
        services.TryAddSingleton(new ImportLimits());
        services.AddScoped<ResultsImport>();
        services.AddScoped<ResultsBrowser>();
        services.AddScoped<ListQueries>();
        services.AddScoped<StartListReview>();
        services.AddScoped<DecideOnSchool>();
        services.AddScoped<DecideSupportFormat>();
        services.AddScoped<Schools.SchoolListHistory>();
        services.AddScoped<Schools.SchoolStory>();
        services.AddScoped<Schools.SupportFormatDecisions>();
        services.AddScoped<SubmitList>();
        services.AddScoped<ApproveList>();
        services.AddScoped<ReturnList>();
        services.AddScoped<PublishList>();
        services.AddScoped<AmendList>();
        services.AddScoped<ListExports>();
        services.AddScoped<PublicLists>();
        services.AddScoped<Methodologies>();
        services.AddScoped<RunTrial>();
        services.AddSingleton<EngineInputs>();
        services.AddScoped<RunSensitivity>();
        services.AddScoped<MatrixQueries>();
        services.AddScoped<SaveTrial>();
        services.AddScoped<TrialQueries>();
        services.AddScoped<TrialExports>();
        services.AddTransient<RunIdentification>();
        services.AddScoped<StartIdentificationRun>();
        services.AddScoped<IdentificationRunQueries>();
        services.AddTransient<OverdueItemsJob>();
        services.AddScoped<PlanSections>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<CreatePlan>();
        services.AddScoped<SavePlanHeader>();
        services.AddScoped<SavePlanItem>();
        services.AddScoped<DeletePlanItem>();
        services.AddScoped<MovePlan>();
        services.AddScoped<CommentOnPlan>();
        services.AddScoped<PlanBoard>();
        services.AddScoped<PlanExport>();
        services.AddScoped<PlanEvidenceFiles>();
        services.AddScoped<DocumentLibrary>();
        services.AddTransient<MonitoringJob>();
        services.AddScoped<MonitoringCalendar>();
        services.AddScoped<CalendarSettings>();
        services.AddTransient<RegionJobs>();
        services.AddTransient<YearlyIdentification>();
        services.AddScoped<StartNewSchoolYear>();
        services.AddScoped<MonitoringTasks>();
        services.AddScoped<MonitoringIndicators>();
        services.AddScoped<MonitoringDashboard>();
        services.AddScoped<MonitoringReports>();
        // Decision dashboards (ministry and municipal): queries and exports.
        services.AddScoped<DecisionDashboardQueries>();
        services.AddScoped<DecisionDashboardExports>();
        services.TryAddSingleton(new SupportTargets());
        services.AddScoped<SavePartnership>();
        services.AddScoped<MovePartnership>();
        services.AddScoped<UploadAgreement>();
        services.AddScoped<AddPartnershipActivity>();
        services.AddScoped<SetActivityDone>();
        services.AddScoped<AddPartnershipReport>();
        services.AddScoped<PartnershipQueries>();
        services.AddScoped<PartnershipExports>();
        services.AddScoped<MentorAssignments>();
        services.AddScoped<RecordConsultation>();
        services.AddScoped<DeleteConsultation>();
        services.AddScoped<GiveFeedback>();
        services.AddScoped<ConsultationQueries>();
        services.AddScoped<MentoringExports>();
        services.AddScoped<SupportCalendar>();
        services.AddScoped<ProfessionalDevelopment>();
        services.AddScoped<PracticeBank>();
        services.AddScoped<ConfigureRiskFactors>();
        services.AddScoped<FillRiskProfile>();
        services.AddScoped<ChooseKeyRisks>();
        services.AddScoped<RecordEffectivenessReview>();
        services.AddScoped<RegisterRiskDecision>();
        services.AddScoped<RiskQueries>();
        services.AddScoped<RiskExports>();
        // Defaults that a deployment replaces by registering its own before this call.
        services.TryAddSingleton<IVirusScanner, NoVirusScanner>();
        services.TryAddSingleton<IEmailSender, NoEmailSender>();

        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(5),
            }));
        if (runJobServer)
        {
            // The server builds jobs from this host's services: Hangfire's global activator belongs to the host configured last,
            // and with several hosts in one process (the tests) a disposed one would fail every job of the others.
            services.AddHangfireServer((provider, o) =>
            {
                o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                o.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
            });
        }
        return services;
    }
}
