using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.DemoData;

public sealed record DemoRegion(Region Region, List<Municipality> Municipalities, List<School> Schools,
    List<SchoolYearProfile> Profiles, List<AssessmentResult> Results, IReadOnlySet<Guid> PersistentlyLow);

/// <summary>
/// Plausible, deterministic demo data: municipalities, schools, some years (three by default) of context and results.
/// A latent quality per school drives results; the social inputs are correlated with it; about 5 % of schools
/// are persistently low, and a few strong schools are leaders. Same seed, same data.
/// </summary>
public sealed class DemoDataGenerator(int seed)
{
    private static readonly string[] MunicipalityStems =
    [
        "Аркадакский", "Балашовский", "Вольский", "Дергачёвский", "Ершовский", "Калининский", "Красноармейский",
        "Лысогорский", "Марксовский", "Новобурасский", "Озинский", "Петровский", "Ровенский", "Романовский",
        "Самойловский", "Татищевский", "Турковский", "Фёдоровский", "Хвалынский", "Энгельсский", "Базарно-Карабулакский",
        "Балтайский", "Воскресенский", "Духовницкий", "Екатериновский", "Ивантеевский", "Краснокутский", "Краснопартизанский",
        "Лесной", "Новоузенский", "Перелюбский", "Питерский", "Пугачёвский", "Ртищевский", "Саратовский", "Советский",
        "Аткарский", "Александрово-Гайский", "Алгайский", "Беловодский", "Заречный", "Светлинский",
    ];

    private static readonly string[] Villages =
    [
        "Берёзовка", "Ивановка", "Николаевка", "Покровка", "Михайловка", "Александровка", "Вознесенка", "Знаменка",
        "Каменка", "Октябрьское", "Садовое", "Степное", "Луговое", "Озёрное", "Сосновка", "Дубовка", "Липовка",
        "Малиновка", "Полтавка", "Красный Яр", "Новая Жизнь", "Подгорное", "Родничок", "Заречное",
    ];

    private readonly Random _random = new(seed);

    public static readonly int[] VprGrades = [4, 5, 6, 7, 8];

    public const int NationalRegions = 85;

    /// <summary>The national scale (`--DemoData:Scale=national`, benchmarks): 85 regions with 45,000 schools in all, each region seeded on its own.</summary>
    public static IEnumerable<DemoRegion> National(int lastYear)
    {
        for (var r = 0; r < NationalRegions; r++)
        {
            yield return new DemoDataGenerator(seed: 100 + r).Generate($"R{r + 1:D2}", $"Регион {r + 1}", municipalities: 20, schools: r < 35 ? 530 : 529, lastYear);
        }
    }

    /// <summary>
    /// One region with <paramref name="municipalities"/> municipalities and about <paramref name="schools"/> schools, with
    /// <paramref name="years"/> years of results ending with <paramref name="lastYear"/>.
    /// </summary>
    public DemoRegion Generate(string code, string name, int municipalities, int schools, int lastYear, int years = 3)
    {
        var region = new Region { Id = NextGuid(), Code = code, Name = name, AuthorityName = $"Министерство образования ({name})" };
        var munis = Enumerable.Range(0, municipalities).Select(i => new Municipality
        {
            Id = NextGuid(),
            RegionId = region.Id,
            Code = $"{code}-{i + 1:D2}",
            Name = i == 0 ? "Городской округ «Центральный»" : $"{MunicipalityStems[i % MunicipalityStems.Length]} муниципальный район"
                + (i >= MunicipalityStems.Length ? $" {i / MunicipalityStems.Length + 1}" : ""),
        }).ToList();

        var list = new List<School>(schools);
        var profiles = new List<SchoolYearProfile>(schools * years);
        var results = new List<AssessmentResult>(schools * years * 14);
        var low = new HashSet<Guid>();
        for (var i = 0; i < schools; i++)
        {
            // The regional centre holds a quarter of the schools; the rest spread over the districts.
            var muni = i % 4 == 0 ? munis[0] : munis[1 + _random.Next(Math.Max(1, munis.Count - 1)) % munis.Count];
            var urban = muni == munis[0] || _random.NextDouble() < 0.25;
            var locality = urban ? Locality.Urban : _random.NextDouble() < 0.35 ? Locality.RuralSmall : Locality.Rural;
            var social = Gaussian() + (urban ? 0.4 : -0.3);
            var quality = 0.6 * social + 0.8 * Gaussian();
            var persistentlyLow = _random.NextDouble() < 0.05;
            if (persistentlyLow) quality -= 2.2;
            var levels = locality == Locality.RuralSmall && _random.NextDouble() < 0.5
                ? EducationLevels.Primary | EducationLevels.Basic
                : EducationLevels.Primary | EducationLevels.Basic | EducationLevels.Secondary;
            var enrolment = locality switch
            {
                Locality.Urban => 400 + _random.Next(900),
                Locality.Rural => 80 + _random.Next(300),
                _ => 10 + _random.Next(70),
            };
            var number = i + 1;
            var place = urban ? muni == munis[0] ? "г. Центральный" : $"г. {Stem(muni)}" : $"с. {Villages[_random.Next(Villages.Length)]}";
            var shortName = levels.HasFlag(EducationLevels.Secondary) ? $"СОШ № {number} {place}" : $"ООШ № {number} {place}";
            var school = new School
            {
                Id = NextGuid(),
                RegionId = region.Id,
                MunicipalityId = muni.Id,
                Code = $"{code}{number:D5}",
                ShortName = shortName,
                FullName = levels.HasFlag(EducationLevels.Secondary)
                    ? $"Муниципальное общеобразовательное учреждение «Средняя общеобразовательная школа № {number}» {place}"
                    : $"Муниципальное общеобразовательное учреждение «Основная общеобразовательная школа № {number}» {place}",
                Address = $"{place}, ул. {(new[] { "Школьная", "Ленина", "Советская", "Мира", "Молодёжная" })[_random.Next(5)]}, д. {1 + _random.Next(60)}",
                Locality = locality,
                Levels = levels,
                AdvancedStudy = quality > 1.3 && _random.NextDouble() < 0.5,
                Enrolment = enrolment,
                IsInnovationSite = quality > 1.0 && _random.NextDouble() < 0.3,
                Leader = quality > 1.6 ? (LeaderKind)(1 + _random.Next(4)) : LeaderKind.None,
                IsConsultingCentre = quality > 1.8 && _random.NextDouble() < 0.4,
                Is500Plus = persistentlyLow && _random.NextDouble() < 0.6,
            };
            list.Add(school);
            if (persistentlyLow) low.Add(school.Id);

            for (var year = lastYear - years + 1; year <= lastYear; year++)
            {
                var yearQuality = quality + 0.25 * Gaussian();
                profiles.Add(Profile(school, year, social, yearQuality, locality));
                AddResults(results, school, year, yearQuality);
            }
        }
        return new DemoRegion(region, munis, list, profiles, results, low);
    }

    private SchoolYearProfile Profile(School school, int year, double social, double quality, Locality locality) => new()
    {
        Id = NextGuid(),
        RegionId = school.RegionId,
        SchoolId = school.Id,
        Year = year,
        StaffingPercent = Share(92 + 5 * social + 2 * Gaussian(), 60, 100),
        Vacancies = Math.Max(0, (int)Math.Round(1 - 0.8 * social + 0.8 * Gaussian())),
        TeachersAverageAge = (decimal)Math.Round(Math.Clamp(46 - 2 * social + 3 * Gaussian(), 30, 62), 1),
        DisabledStudentsShare = Share(4 - social + 1.5 * Gaussian(), 0, 40),
        NonNativeSpeakersShare = Share(3 - social + 2 * Gaussian(), 0, 60),
        ParentsHigherEducationShare = Share(35 + 12 * social + 5 * Gaussian(), 2, 90),
        UnemployedParentsShare = Share(8 - 4 * social + 2 * Gaussian(), 0, 50),
        RegisteredStudentsShare = Share(2.5 - 1.2 * social + Gaussian(), 0, 20),
        HasInternet = locality != Locality.RuralSmall || _random.NextDouble() < 0.8,
        OlympiadShare = Share(25 + 10 * quality + 5 * Gaussian(), 0, 95),
        ContinuingToGrade10Share = Share(55 + 10 * quality + 8 * Gaussian(), 0, 100),
    };

    private void AddResults(List<AssessmentResult> results, School school, int year, double quality)
    {
        foreach (var subject in (Subject[])[Subject.Russian, Subject.Mathematics])
        {
            foreach (var grade in VprGrades)
            {
                results.Add(Result(school, year, AssessmentKind.Vpr, grade, subject, quality, mean: 3.6 + 0.35 * quality, meanSpread: 0.1,
                    minMean: 2, maxMean: 5, failBase: 12, failSlope: 7));
            }
            if (school.Levels.HasFlag(EducationLevels.Basic))
            {
                var (mean, spread, max) = subject == Subject.Russian ? (24.0 + 3.5 * quality, 1.0, 33.0) : (14.0 + 3.0 * quality, 1.0, 31.0);
                results.Add(Result(school, year, AssessmentKind.Oge, 9, subject, quality, mean, spread, 0, max, failBase: 3, failSlope: 3));
            }
            if (school.Levels.HasFlag(EducationLevels.Secondary))
            {
                var mean = subject == Subject.Russian ? 68 + 7 * quality : 52 + 8 * quality;
                results.Add(Result(school, year, AssessmentKind.Ege, 11, subject, quality, mean, 2.5, 0, 100, failBase: 2, failSlope: 2.5));
            }
        }
    }

    private AssessmentResult Result(School school, int year, AssessmentKind kind, int grade, Subject subject, double quality,
        double mean, double meanSpread, double minMean, double maxMean, double failBase, double failSlope)
    {
        var cohort = Math.Max(3, school.Enrolment / 11);
        var participants = kind == AssessmentKind.Ege ? Math.Max(2, cohort * 2 / 3) : cohort;
        var fail = Share(failBase - failSlope * quality + 2 * Gaussian(), 0, 100);
        return new AssessmentResult
        {
            RegionId = school.RegionId,
            SchoolId = school.Id,
            Year = year,
            Kind = kind,
            Grade = grade,
            Subject = subject,
            Participants = participants,
            MeanScore = (decimal)Math.Round(Math.Clamp(mean + meanSpread * Gaussian(), minMean, maxMean), 2),
            BelowMinimumShare = fail,
            FailShare = kind == AssessmentKind.Vpr ? fail : Share((double)fail * 0.9, 0, 100),
        };
    }

    private static string Stem(Municipality m) => m.Name.Split(' ')[0].Replace("ский", "ск").Replace("цкий", "цк");

    private static decimal Share(double value, double min, double max) => (decimal)Math.Round(Math.Clamp(value, min, max), 2);

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
