using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Infrastructure.Documents;

namespace SchoolSupport.Infrastructure.Partnerships;

/// <summary>The XLSX of the partnerships the user sees.</summary>
public sealed class PartnershipExports(PartnershipQueries queries)
{
    public async Task WriteXlsxAsync(Stream output, CancellationToken ct = default)
    {
        var rows = await queries.ListAsync(ct);
        XlsxExport.Write(rows, output, "Партнёрства",
        [
            ("Партнёрство", r => r.Title), ("Лидер", r => r.Leader), ("Роль", r => Titles.Of(r.LeaderRole)),
            ("Модель", r => Titles.Of(r.Model)), ("Номер соглашения", r => r.AgreementNumber), ("Дата соглашения", r => r.AgreementDate),
            ("Действует с", r => r.ValidFrom), ("Действует по", r => r.ValidTo), ("Виды поддержки", r => Titles.Of(r.SupportTypes)),
            ("Статус", r => Titles.Of(r.Status)), ("Поддерживаемых школ", r => r.Schools),
        ]);
    }
}
