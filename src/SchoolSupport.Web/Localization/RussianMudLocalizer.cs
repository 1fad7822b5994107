using Microsoft.Extensions.Localization;
using MudBlazor;

namespace SchoolSupport.Web.Localization;

/// <summary>
/// MudBlazor's own texts (pager buttons, date pickers, dialogs, uploads, tables) in Russian. A key MudBlazor adds later
/// falls back to its English default until it is translated here.
/// </summary>
public sealed class RussianMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["MudAlert_Close"] = "Закрыть",
        ["MudBaseDatePicker_NextMonth"] = "Следующий месяц",
        ["MudBaseDatePicker_NextYear"] = "Следующий год",
        ["MudBaseDatePicker_Open"] = "Открыть календарь",
        ["MudBaseDatePicker_PrevMonth"] = "Предыдущий месяц",
        ["MudBaseDatePicker_PrevYear"] = "Предыдущий год",
        ["MudBreadcrumbs_Label"] = "Навигационная цепочка",
        ["MudChip_Close"] = "Удалить",
        ["MudDataGridPager_AllItems"] = "Все",
        ["MudDataGridPager_FirstPage"] = "Первая страница",
        ["MudDataGridPager_InfoFormat"] = "{first_item}–{last_item} из {all_items}",
        ["MudDataGridPager_LastPage"] = "Последняя страница",
        ["MudDataGridPager_NextPage"] = "Следующая страница",
        ["MudDataGridPager_PreviousPage"] = "Предыдущая страница",
        ["MudDataGridPager_RowsPerPage"] = "Строк на странице:",
        ["MudDataGrid_Apply"] = "Применить",
        ["MudDataGrid_Cancel"] = "Отмена",
        ["MudDataGrid_Clear"] = "Очистить",
        ["MudDataGrid_Contains"] = "содержит",
        ["MudDataGrid_Filter"] = "Фильтр",
        ["MudDataGrid_Loading"] = "Загрузка…",
        ["MudDataGrid_Save"] = "Сохранить",
        ["MudDataGrid_Sort"] = "Сортировать",
        ["MudDateRangePicker_End"] = "Конец",
        ["MudDateRangePicker_Start"] = "Начало",
        ["MudDialog_Close"] = "Закрыть",
        ["MudExitPrompt_Cancel"] = "Остаться",
        ["MudExitPrompt_Exit"] = "Уйти",
        ["MudExitPrompt_Text"] = "Несохранённые изменения будут потеряны.",
        ["MudExitPrompt_Title"] = "Уйти со страницы?",
        ["MudFileUpload_Button"] = "Выбрать файл",
        ["MudFileUpload_DragAndDrop"] = "Перетащите файл сюда",
        ["MudFileUpload_FileSizeError"] = "Файл слишком большой.",
        ["MudFileUpload_MaximumFileCountExceeded"] = "Выбрано слишком много файлов.",
        ["MudFormComponent_Required"] = "Обязательное поле",
        ["MudInput_Clear"] = "Очистить",
        ["MudInput_Decrement"] = "Уменьшить",
        ["MudInput_Increment"] = "Увеличить",
        ["MudNavGroup_ToggleExpand"] = "Развернуть или свернуть {0}",
        ["MudPagination_CurrentPage"] = "Текущая страница {0}",
        ["MudPagination_FirstPage"] = "Первая страница",
        ["MudPagination_LastPage"] = "Последняя страница",
        ["MudPagination_NextPage"] = "Следующая страница",
        ["MudPagination_PageIndex"] = "Страница {0}",
        ["MudPagination_PreviousPage"] = "Предыдущая страница",
        ["MudRangeInput_End"] = "Конец",
        ["MudRangeInput_Start"] = "Начало",
        ["MudSelect_SelectAll"] = "Выбрать все",
        ["MudSnackbar_Close"] = "Закрыть",
        ["MudTablePager_FirstPage"] = "Первая страница",
        ["MudTablePager_LastPage"] = "Последняя страница",
        ["MudTablePager_NextPage"] = "Следующая страница",
        ["MudTablePager_PreviousPage"] = "Предыдущая страница",
        ["MudTable_CancelEditRow"] = "Отменить",
        ["MudTable_CollapseGroup"] = "Свернуть группу",
        ["MudTable_CommitRow"] = "Сохранить",
        ["MudTable_EditRow"] = "Изменить",
        ["MudTable_ExpandGroup"] = "Развернуть группу",
        ["MudTable_Loading"] = "Загрузка…",
        ["MudTable_SelectAllRows"] = "Выбрать все строки",
        ["MudTable_SelectGroup"] = "Выбрать группу",
        ["MudTable_SelectRow"] = "Выбрать строку",
        ["MudTabs_AddTab"] = "Добавить вкладку",
        ["MudTabs_CloseTab"] = "Закрыть вкладку",
        ["MudTabs_ScrollDown"] = "Прокрутить вниз",
        ["MudTabs_ScrollLeft"] = "Прокрутить влево",
        ["MudTabs_ScrollRight"] = "Прокрутить вправо",
        ["MudTabs_ScrollUp"] = "Прокрутить вверх",
        ["MudTimePicker_Open"] = "Открыть выбор времени",
        ["MudTreeView_CollapseItem"] = "Свернуть",
        ["MudTreeView_ExpandItem"] = "Развернуть",
    };

    public override LocalizedString this[string key] =>
        Texts.TryGetValue(key, out var text) ? new LocalizedString(key, text) : base[key];

    public override LocalizedString this[string key, params object[] arguments] =>
        Texts.TryGetValue(key, out var text)
            ? new LocalizedString(key, string.Format(System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), text, arguments))
            : base[key, arguments];

    /// <summary>Every text this localizer gives, for the test that no page shows MudBlazor's English.</summary>
    public static IReadOnlyDictionary<string, string> All => Texts;
}
