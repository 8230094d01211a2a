using SafetyNet.Insight.Geography;

namespace SafetyNet.Engines.Tests.Insight;

public class BritishNationalGridTests
{
    [Fact]
    public void The_transverse_Mercator_matches_the_Ordnance_Survey_worked_example()
    {
        // OS "A guide to coordinate systems in Great Britain", annex C: 52°39′27.2531″N 1°43′4.5177″E (OSGB36)
        // is E 651409.903, N 313177.270.
        var lat = (52 + 39 / 60.0 + 27.2531 / 3600) * Math.PI / 180;
        var lon = (1 + 43 / 60.0 + 4.5177 / 3600) * Math.PI / 180;
        var (e, n) = BritishNationalGrid.Project(lat, lon);
        Assert.Equal(651409.903, e, 0.002);
        Assert.Equal(313177.270, n, 0.002);
        var (backLat, backLon) = BritishNationalGrid.Unproject(e, n);
        Assert.Equal(lat, backLat, 1e-10);
        Assert.Equal(lon, backLon, 1e-10);
    }

    [Fact]
    public void The_datum_shift_puts_the_Greenwich_meridian_about_100_m_west_of_WGS84_zero()
    {
        // The Airy transit circle (OSGB36 longitude 0) lies at about 0.0015° W in WGS84: a wrong sign or unit
        // in the Helmert step would move it by tens or hundreds of metres.
        var (e, n) = BritishNationalGrid.Project(51.4778 * Math.PI / 180, 0);
        var (lon, lat) = BritishNationalGrid.ToWgs84(e, n);
        Assert.InRange(lon, -0.0017, -0.0013);
        Assert.InRange(lat, 51.4778 - 0.001, 51.4778 + 0.001);
    }

    [Fact]
    public void Conversions_round_trip_to_a_centimetre_across_the_county()
    {
        for (var lon = -0.75; lon <= 0.25; lon += 0.125)
        {
            for (var lat = 51.6; lat <= 52.1; lat += 0.1)
            {
                var (e, n) = BritishNationalGrid.FromWgs84(lon, lat);
                var (backLon, backLat) = BritishNationalGrid.ToWgs84(e, n);
                Assert.Equal(lon, backLon, 1e-7);
                Assert.Equal(lat, backLat, 1e-7);
            }
        }
        // Hertford is in the TL square: easting 5xx xxx, northing 2xx xxx.
        var (he, hn) = BritishNationalGrid.FromWgs84(-0.078, 51.796);
        Assert.InRange(he, 530_000, 535_000);
        Assert.InRange(hn, 211_000, 215_000);
    }
}
