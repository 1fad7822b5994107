using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Schools;

public sealed class SchoolRegistryTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private SchoolRegistry As(string role, string region = "a") => portal.Service<SchoolRegistry>(World.Scope(role, region));

    [Fact]
    public async Task Regional_staff_search_the_whole_region_with_paging_filter_and_sort()
    {
        var (rows, total) = await As(Roles.Ministry).SearchAsync(new SchoolQuery(Sort: SchoolSort.Code, Descending: true, PageSize: 2));
        total.Should().BeGreaterThanOrEqualTo(3);
        rows.Should().HaveCount(2);
        rows.Select(r => r.Code).Should().BeInDescendingOrder();

        var (filtered, count) = await As(Roles.Operator).SearchAsync(new SchoolQuery(MunicipalityId: World.A2.Id));
        count.Should().Be(filtered.Count);
        filtered.Should().OnlyContain(r => r.Municipality == World.A2.Name);

        var (found, _) = await As(Roles.Operator).SearchAsync(new SchoolQuery(Search: "№ 2 а1"));
        found.Should().ContainSingle().Which.Id.Should().Be(World.SchoolA1Second.Id);
    }

    [Fact]
    public async Task A_municipal_user_sees_own_schools_only_and_not_the_card_of_another_municipality()
    {
        var (rows, _) = await As(Roles.Municipal).SearchAsync(new SchoolQuery(PageSize: 100));
        rows.Select(r => r.Id).Should().BeEquivalentTo([World.SchoolA1.Id, World.SchoolA1Second.Id]);
        (await As(Roles.Municipal).CardAsync(World.SchoolA2.Id)).Should().BeNull();
        (await As(Roles.Municipal).CardAsync(World.SchoolA1.Id))!.CanEdit.Should().BeFalse();
        (await As(Roles.School).CardAsync(World.SchoolA1Second.Id)).Should().BeNull();
        (await As(Roles.Operator, "b").CardAsync(World.SchoolA1.Id)).Should().BeNull();
    }

    [Fact]
    public async Task An_operator_creates_a_school_and_invalid_input_gets_russian_messages()
    {
        var edit = new SchoolEdit
        {
            Code = "A2-050", FullName = "МОУ «СОШ № 50»", ShortName = "СОШ № 50", MunicipalityId = World.A2.Id, Enrolment = 320,
            Locality = Locality.Rural,
        };
        await As(Roles.Operator).SaveAsync(edit);
        (await As(Roles.Operator).CardAsync(edit.Id!.Value))!.School.ShortName.Should().Be("СОШ № 50");

        var bad = new SchoolEdit { Code = "A2-050", FullName = "", ShortName = "Дубль", MunicipalityId = World.A2.Id, Enrolment = -5 };
        (await FluentActions.Awaiting(() => As(Roles.Operator).SaveAsync(bad)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Укажите полное наименование.").And.Contain("Численность обучающихся: от 0 до 10 000.");
        bad.FullName = "Дубль";
        bad.Enrolment = 5;
        (await FluentActions.Awaiting(() => As(Roles.Operator).SaveAsync(bad)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("уже есть в реестре");

        var foreignMunicipality = new SchoolEdit { Code = "X-1", FullName = "Чужая", ShortName = "Чужая", MunicipalityId = World.B1.Id };
        (await FluentActions.Awaiting(() => As(Roles.Operator).SaveAsync(foreignMunicipality)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("не найден в вашем регионе");
    }

    [Fact]
    public async Task Municipal_and_school_users_cannot_edit_the_registry()
    {
        var card = await As(Roles.Municipal).CardAsync(World.SchoolA1.Id);
        var edit = SchoolEdit.From(card!.School);
        edit.ShortName = "Взлом";
        var save = () => As(Roles.Municipal).SaveAsync(edit);
        await save.Should().ThrowAsync<ScopeException>();
        var saveAsSchool = () => As(Roles.School).SaveAsync(edit);
        await saveAsSchool.Should().ThrowAsync<ScopeException>();
        await using var db = portal.System();
        (await db.Schools.SingleAsync(s => s.Id == World.SchoolA1.Id)).ShortName.Should().Be(World.SchoolA1.ShortName);
    }

    [Fact]
    public async Task Two_operators_editing_the_same_card_cannot_overwrite_each_other_silently()
    {
        var first = SchoolEdit.From((await As(Roles.Operator).CardAsync(World.SchoolA1Second.Id))!.School);
        var second = SchoolEdit.From((await As(Roles.Operator).CardAsync(World.SchoolA1Second.Id))!.School);
        first.Enrolment = 610;
        await As(Roles.Operator).SaveAsync(first);
        second.Enrolment = 620;
        var stale = () => As(Roles.Operator).SaveAsync(second);
        await stale.Should().ThrowAsync<StaleEditException>().WithMessage("*другой пользователь*");
        (await As(Roles.Operator).CardAsync(World.SchoolA1Second.Id))!.School.Enrolment.Should().Be(610);
    }

    [Fact]
    public async Task The_registry_export_has_russian_headers_and_only_rows_in_scope()
    {
        var stream = new MemoryStream();
        await As(Roles.Municipal).WriteXlsxAsync(new SchoolQuery(), stream);
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Should().HaveCount(2);
        rows[0].Keys.Should().Contain(["Код ОО", "Краткое наименование", "Муниципалитет", "Школа-лидер"]);
        rows.Select(r => r["Муниципалитет"]).Should().OnlyContain(m => (string)m == World.A1.Name);
    }
}
