using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>Methodology versions: operators draft a new version (JSON), the ministry approves it; a used or approved one never changes.</summary>
public sealed class Methodologies(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, Notices notices)
{
    public async Task<IReadOnlyList<MethodologyVersion>> AllAsync(CancellationToken ct = default)
    {
        current.RequireRole(Roles.Operator, Roles.Ministry, Roles.Admin);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<MethodologyVersion>().AsNoTracking().OrderByDescending(m => m.Year).ThenByDescending(m => m.Version).ToListAsync(ct);
    }

    /// <summary>A new draft version for the year: a copy of the newest one, or of a default (Kirov or Zernograd).</summary>
    public async Task<MethodologyVersion> NewDraftAsync(int year, string template, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var latest = await db.Set<MethodologyVersion>().Where(m => m.Year == year).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        var methodology = template == "Zernograd" ? DefaultMethodologies.Zernograd(year)
            : latest is not null && template == "copy" ? MethodologyJson.Deserialize(latest.Json) : DefaultMethodologies.Kirov(year);
        var version = (latest?.Version ?? 0) + 1;
        var row = new MethodologyVersion
        {
            Id = Guid.NewGuid(), RegionId = scope.RegionId, Year = year, Version = version, Name = methodology.Name,
            Json = MethodologyJson.Serialize(methodology with { Version = version, Year = year }), Status = MethodologyStatus.Draft,
            CreatedBy = scope.UserName, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(row);
        db.Record(scope, "methodology.create", "methodology", row.Id, InfraFormat.Of(InfraText.Methodology_Line, row.Name, year, version), clock);
        await notices.AddAsync(db, scope, scope.RegionId, await Notices.InRoleAsync(db, scope.RegionId, Roles.Ministry, null, ct),
            InfraFormat.Of(InfraText.Methodology_Title, row.Name, year, version), InfraText.Methodology_Prepared, "/identification", null, ct);
        await db.SaveChangesAsync(ct);
        await notices.MailAsync(db, ct);
        return row;
    }

    /// <summary>Saves the edited JSON of a draft; refuses with every validation message at once, and nothing is saved then.</summary>
    public async Task SaveDraftAsync(Guid id, uint rowVersion, string json, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        Methodology methodology;
        try
        {
            methodology = MethodologyJson.Deserialize(json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw new DomainException(InfraFormat.Of(InfraText.Methodology_NotParsed, e.Message));
        }
        DomainException.ThrowIfAny(methodology.Validate());
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<MethodologyVersion>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new ScopeException(InfraText.Trial_MethodologyNotFound);
        row.EnsureChangeable();
        if (methodology.Year != row.Year) throw new DomainException(InfraFormat.Of(InfraText.Methodology_YearMismatch, methodology.Year, row.Year));
        db.Entry(row).Property(m => m.RowVersion).OriginalValue = rowVersion;
        row.Json = MethodologyJson.Serialize(methodology with { Version = row.Version });
        row.Name = methodology.Name;
        db.Record(scope, "methodology.update", "methodology", row.Id, InfraFormat.Of(InfraText.Common_TitleVersion, row.Name, row.Version), clock);
        await db.SaveOrRefuseStaleAsync(InfraText.Methodology_Stale, ct);
    }

    public async Task ApproveAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Ministry);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<MethodologyVersion>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new ScopeException(InfraText.Trial_MethodologyNotFound);
        row.Approve(scope.UserName, clock.GetUtcNow());
        db.Record(scope, "methodology.approve", "methodology", row.Id, InfraFormat.Of(InfraText.Methodology_Line, row.Name, row.Year, row.Version), clock);
        await notices.AddAsync(db, scope, row.RegionId, await Notices.InRoleAsync(db, row.RegionId, Roles.Operator, null, ct),
            InfraFormat.Of(InfraText.Methodology_Title, row.Name, row.Year, row.Version), InfraText.Methodology_Approved, "/identification", null, ct);
        await Monitoring.CloseTasksByEvidence.CloseAsync(db, row.RegionId, Domain.Monitoring.TaskEvidence.Methodology,
            InfraFormat.Of(InfraText.Methodology_ApprovedNotice, row.Name, row.Year, row.Version), "/identification", row.ApprovedAt!.Value, ct);
        await db.SaveChangesAsync(ct);
        await notices.MailAsync(db, ct);
    }
}
