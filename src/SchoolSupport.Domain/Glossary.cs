namespace SchoolSupport.Domain;

/// <summary>
/// Russian domain terms and the English names used for them in code. Domain messages and enum titles live in
/// <c>Resources/DomainText.resx</c> (typed <c>DomainText</c>; enum titles through <c>Common/Titles.cs</c>), UI text in
/// the Web project's <c>Resources/Ui.resx</c>.
/// Seed data stays as data in code: the default risk factors and questions (<c>Risks/DefaultRiskFactors.cs</c>), the
/// time zones offered for a region (<c>Schools/Region.cs</c>), the default methodologies (<c>Identification/DefaultMethodologies.cs</c>)
/// and monitoring calendars (<c>Monitoring/DefaultCalendar.cs</c>, <c>Monitoring/CalendarTemplates.cs</c>). They are
/// the first rows a new region gets and its operators edit them afterwards as their own data, so they are not
/// translations of the program's text and a resource key would only hide where a region's starting content comes from.
/// <list type="bullet">
/// <item>ШНОР (школы с низкими образовательными результатами) = <c>LowResults</c></item>
/// <item>ШНСУ / ШССУ (школы в неблагоприятных социальных условиях) = <c>Disadvantaged</c></item>
/// <item>ИОР (индекс образовательных результатов) = <c>ResultsIndex</c></item>
/// <item>ИСБ (индекс социального благополучия) = <c>SocialWellbeingIndex</c></item>
/// <item>РЦОКО (региональный центр оценки качества образования) and СОИРО / ИРО (институт развития образования) = <c>Operator</c> role</item>
/// <item>ОО (образовательная организация) = <c>School</c>; муниципалитет = <c>Municipality</c>; субъект РФ = <c>Region</c> (the tenant)</item>
/// <item>перечень = <c>SupportList</c>; дорожная карта = <c>Roadmap</c>; ВСОКО = internal quality assessment system (<c>InternalQualitySystem</c>)</item>
/// <item>программа перехода в эффективный режим функционирования = <c>PlanKind.TransitionProgramme</c>; антирисковая программа = <c>PlanKind.AntiRiskProgramme</c>; мероприятие = <c>PlanItem</c></item>
/// <item>отчёт о самообследовании = <c>DocumentKind.SelfAssessmentReport</c>; аналитическая справка = <c>DocumentKind.AnalyticalNote</c>; подтверждающий материал = <c>DocumentKind.PlanEvidence</c> (linked to a <c>PlanItem</c> by <c>PlanItemEvidence</c>)</item>
/// <item>рисковый профиль = <c>RiskProfile</c>; фактор риска = <c>RiskFactor</c>; ключевой риск = <c>KeyRisk</c>; анализ эффективности (дважды в год) = <c>EffectivenessReview</c>; управленческое решение = <c>RiskDecision</c> (оперативное / стратегическое = <c>DecisionKind</c>)</item>
/// <item>ВПР, ОГЭ, ЕГЭ, НИКО = <c>AssessmentKind.Vpr / Oge / Ege / Niko</c></item>
/// </list>
/// </summary>
internal static class Glossary;
