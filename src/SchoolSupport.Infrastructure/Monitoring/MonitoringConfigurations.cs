using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Monitoring;

internal sealed class MonitoringYearConfiguration : IEntityTypeConfiguration<MonitoringYear>
{
    public void Configure(EntityTypeBuilder<MonitoringYear> b)
    {
        b.ToTable("monitoring_years");
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => new { e.RegionId, e.Year }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
        b.HasMany(e => e.Stages).WithOne().HasForeignKey(s => s.YearId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonitoringStageConfiguration : IEntityTypeConfiguration<MonitoringStage>
{
    public void Configure(EntityTypeBuilder<MonitoringStage> b)
    {
        b.ToTable("monitoring_stages");
        b.Property(e => e.Title).HasMaxLength(300);
        b.Property(e => e.Description).HasMaxLength(2000);
        b.HasIndex(e => new { e.YearId, e.Number }).IsUnique();
        b.HasMany(e => e.Templates).WithOne().HasForeignKey(t => t.StageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskTemplateConfiguration : IEntityTypeConfiguration<TaskTemplate>
{
    public void Configure(EntityTypeBuilder<TaskTemplate> b)
    {
        b.ToTable("monitoring_task_templates");
        b.Property(e => e.What).HasMaxLength(1000);
        b.Property(e => e.OutputDocument).HasMaxLength(300);
    }
}

internal sealed class MonitoringTaskConfiguration : IEntityTypeConfiguration<MonitoringTask>
{
    public void Configure(EntityTypeBuilder<MonitoringTask> b)
    {
        b.ToTable("monitoring_tasks");
        b.Property(e => e.Title).HasMaxLength(1000);
        b.Property(e => e.OutputDocument).HasMaxLength(300);
        b.Property(e => e.CompletedBy).HasMaxLength(256);
        b.Property(e => e.Note).HasMaxLength(2000);
        // One task per template and school / municipality / region: a re-run or a second instance cannot add another.
        b.HasIndex(e => new { e.StageId, e.TemplateId, e.TargetId }).IsUnique();
        b.HasIndex(e => new { e.RegionId, e.Status, e.Due });
        b.HasIndex(e => e.SchoolId);
        b.HasIndex(e => e.MunicipalityId);
        b.HasOne<MonitoringStage>().WithMany().HasForeignKey(e => e.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TaskTemplate>().WithMany().HasForeignKey(e => e.TemplateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId);
        b.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId);
    }
}

internal sealed class TaskReminderConfiguration : IEntityTypeConfiguration<TaskReminder>
{
    public void Configure(EntityTypeBuilder<TaskReminder> b)
    {
        b.ToTable("monitoring_task_reminders");
        // One reminder of each kind per task.
        b.HasIndex(e => new { e.TaskId, e.Kind }).IsUnique();
        b.HasOne<MonitoringTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.ToTable("indicator_targets");
        b.Property(e => e.Target).HasPrecision(12, 2);
        b.HasIndex(e => new { e.RegionId, e.Year, e.Code }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.ToTable("indicator_values");
        b.Property(e => e.Value).HasPrecision(12, 2);
        b.Property(e => e.Source).HasMaxLength(1000);
        b.Property(e => e.EnteredBy).HasMaxLength(256);
        b.HasIndex(e => new { e.RegionId, e.Year, e.Code }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
    }
}

internal sealed class SchoolQualityCheckConfiguration : IEntityTypeConfiguration<SchoolQualityCheck>
{
    public void Configure(EntityTypeBuilder<SchoolQualityCheck> b)
    {
        b.ToTable("school_quality_checks");
        b.Property(e => e.SatisfactionPercent).HasPrecision(5, 1);
        b.Property(e => e.CheckedBy).HasMaxLength(256);
        b.Property(e => e.Comment).HasMaxLength(2000);
        b.HasIndex(e => new { e.RegionId, e.Year, e.SchoolId }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId);
    }
}

internal sealed class RegionCalendarConfiguration : IEntityTypeConfiguration<RegionCalendar>
{
    public void Configure(EntityTypeBuilder<RegionCalendar> b)
    {
        b.ToTable("region_calendars");
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => e.RegionId).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
    }
}

internal sealed class SchoolYearRolloverConfiguration : IEntityTypeConfiguration<SchoolYearRollover>
{
    public void Configure(EntityTypeBuilder<SchoolYearRollover> b)
    {
        b.ToTable("school_year_rollovers");
        b.Property(e => e.DoneBy).HasMaxLength(256);
        b.Property(e => e.Summary).HasMaxLength(8000);
        // A region turns over to a year once.
        b.HasIndex(e => new { e.RegionId, e.Year }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionId);
    }
}
