using System.IO.Compression;
using SafetyNet.Insight.PoliceUk;

namespace SafetyNet.Engines.Tests.Insight;

public class PoliceUkArchiveTests
{
    private static readonly Lazy<PoliceUkData> Year = new(() => PoliceUkArchive.Read([SharedData.Path("policeuk", "hertfordshire-2021.zip")]));

    internal static PoliceUkData Hertfordshire2021 => Year.Value;

    [Fact]
    public void The_2021_archive_gives_the_independently_counted_figures()
    {
        var street = Hertfordshire2021.Street;
        Assert.Equal(100_407, street.Length);
        int crimes = 0, burglaries = 0, countyBurglaries = 0, withoutId = 0, asb = 0;
        foreach (var row in street)
        {
            if (row.IsAntiSocialBehaviour)
            {
                asb++;
                if (row.CrimeId is null)
                {
                    withoutId++;
                }
                continue;
            }
            crimes++;
            if (row.CrimeType == "Burglary")
            {
                burglaries++;
                if (Hertfordshire.Contains(row))
                {
                    countyBurglaries++;
                }
            }
        }
        Assert.Equal(74_251, crimes);
        Assert.Equal(asb, withoutId);
        Assert.Equal(3_403, burglaries);
        Assert.Equal(3_314, countyBurglaries);
        Assert.Equal(new CalendarMonth(2021, 1), street[0].Month);
        Assert.Equal(new CalendarMonth(2021, 12), street[^1].Month);
        Assert.True(Hertfordshire2021.Outcomes.Length > 50_000);
    }

    [Fact]
    public void About_one_percent_of_rows_have_no_coordinates()
    {
        var missing = 0;
        foreach (var row in Hertfordshire2021.Street)
        {
            if (!row.HasLocation)
            {
                missing++;
            }
        }
        Assert.InRange(missing / (double)Hertfordshire2021.Street.Length, 0.002, 0.03);
    }

    [Fact]
    public void Folders_and_single_files_read_the_same_as_the_zip()
    {
        var folder = Directory.CreateTempSubdirectory("policeuk-").FullName;
        try
        {
            using (var zip = ZipFile.OpenRead(SharedData.Path("policeuk", "hertfordshire-2021.zip")))
            {
                foreach (var entry in zip.Entries)
                {
                    if (entry.FullName.StartsWith("2021-03/", StringComparison.Ordinal) && entry.Name.Length > 0)
                    {
                        Directory.CreateDirectory(Path.Combine(folder, "2021-03"));
                        entry.ExtractToFile(Path.Combine(folder, entry.FullName));
                    }
                }
            }
            var fromFolder = PoliceUkArchive.Read([folder]);
            var fromFile = PoliceUkArchive.Read([Path.Combine(folder, "2021-03", "2021-03-hertfordshire-street.csv")]);
            var expected = Hertfordshire2021.Street.Count(r => r.Month == new CalendarMonth(2021, 3));
            Assert.Equal(expected, fromFolder.Street.Length);
            Assert.Equal(expected, fromFile.Street.Length);
            Assert.Empty(fromFile.Outcomes);
            Assert.Equal(Hertfordshire2021.Outcomes.Count(r => r.Month == new CalendarMonth(2021, 3)), fromFolder.Outcomes.Length);
            var streetOnly = PoliceUkArchive.Read([folder], PoliceUkFiles.Street);
            Assert.Equal(expected, streetOnly.Street.Length);
            Assert.Empty(streetOnly.Outcomes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Quoted_fields_stop_and_search_and_foreign_files_are_handled()
    {
        var folder = Directory.CreateTempSubdirectory("policeuk-").FullName;
        try
        {
            var street = Path.Combine(folder, "2021-05-kent-street.csv");
            File.WriteAllText(street,
                "\uFEFFCrime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\r\n" +
                "abc,2021-05,Kent Police,Kent Police,0.5,51.2,\"On or near \"\"The Street\"\", Town\",E01,Maidstone 001A,Burglary,Under investigation,\r\n" +
                ",2021-05,Kent Police,Kent Police,,,No location,,,Anti-social behaviour,,\r\n");
            var search = Path.Combine(folder, "2021-05-kent-stop-and-search.csv");
            File.WriteAllText(search,
                "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing\n" +
                "Person search,2021-05-01T10:20:00+00:00,False,,51.2,0.5,Male,18-24,White,White,Misuse of Drugs Act 1971 (section 23),Controlled drugs,A no further action disposal,False,False\n");
            var data = PoliceUkArchive.Read([street, search]);
            Assert.Equal(2, data.Street.Length);
            Assert.Equal("On or near \"The Street\", Town", data.Street[0].Location);
            Assert.Equal("Burglary", data.Street[0].CrimeType);
            Assert.Null(data.Street[1].CrimeId);
            Assert.False(data.Street[1].HasLocation);
            Assert.Single(data.StopAndSearches);
            Assert.Equal("Controlled drugs", data.StopAndSearches[0].ObjectOfSearch);

            var other = Path.Combine(folder, "notes.csv");
            File.WriteAllText(other, "a,b\n1,2\n");
            Assert.Throws<FormatException>(() => PoliceUkArchive.Read([other]));
            Assert.Throws<FileNotFoundException>(() => PoliceUkArchive.Read([Path.Combine(folder, "missing.zip")]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
