using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Partnerships;

/// <summary>The XLSX of the partnerships the user sees.</summary>
public sealed class PartnershipExports(PartnershipQueries queries)
{
    public async Task WriteXlsxAsync(Stream output, CancellationToken ct = default)
    {
        var rows = await queries.ListAsync(ct);
        XlsxExport.Write(rows, output, InfraText.PartnershipExport_Sheet,
        [
            (InfraText.Common_Partnership, r => r.Title), (InfraText.PartnershipExport_Leader, r => r.Leader), (InfraText.Common_Role, r => Titles.Of(r.LeaderRole)),
            (InfraText.PartnershipExport_Model, r => Titles.Of(r.Model)), (InfraText.PartnershipExport_AgreementNumber, r => r.AgreementNumber), (InfraText.PartnershipExport_AgreementDate, r => r.AgreementDate),
            (InfraText.PartnershipExport_ValidFrom, r => r.ValidFrom), (InfraText.PartnershipExport_ValidTo, r => r.ValidTo), (InfraText.PartnershipExport_SupportKinds, r => Titles.Of(r.SupportTypes)),
            (InfraText.Common_Status, r => Titles.Of(r.Status)), (InfraText.PartnershipExport_SupportedSchools, r => r.Schools),
        ]);
    }
}
