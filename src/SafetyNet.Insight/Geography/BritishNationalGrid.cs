namespace SafetyNet.Insight.Geography;

/// <summary>
/// WGS84 longitude/latitude to and from the Ordnance Survey National Grid (EPSG:27700): a 7-parameter
/// Helmert transform between the WGS84 and OSGB36 datums, then the OSGB36 transverse Mercator on the
/// Airy 1830 ellipsoid. Accurate to a few metres (the Helmert transform's limit), which is far finer than
/// police.uk's anonymised map points; grid metres are what distances, cells and areas are measured in.
/// </summary>
public static class BritishNationalGrid
{
    private const double Wgs84A = 6378137.0;
    private const double Wgs84B = 6356752.314245;
    private const double AiryA = 6377563.396;
    private const double AiryB = 6356256.909;

    private const double F0 = 0.9996012717;
    private const double Lat0 = 49.0 * Math.PI / 180;
    private const double Lon0 = -2.0 * Math.PI / 180;
    private const double E0 = 400000;
    private const double N0 = -100000;

    // WGS84 → OSGB36 (Ordnance Survey, "A guide to coordinate systems in Great Britain").
    private const double Tx = -446.448, Ty = 125.157, Tz = -542.060;
    private const double ScalePpm = 20.4894;
    private const double RxSeconds = -0.1502, RySeconds = -0.2470, RzSeconds = -0.8421;

    private static readonly double AiryE2 = (AiryA * AiryA - AiryB * AiryB) / (AiryA * AiryA);
    private static readonly double AiryN = (AiryA - AiryB) / (AiryA + AiryB);
    private static readonly double Wgs84E2 = (Wgs84A * Wgs84A - Wgs84B * Wgs84B) / (Wgs84A * Wgs84A);

    /// <summary>WGS84 degrees to grid easting and northing in metres.</summary>
    public static (double Easting, double Northing) FromWgs84(double longitude, double latitude)
    {
        var (x, y, z) = ToCartesian(Radians(latitude), Radians(longitude), Wgs84A, Wgs84E2);
        (x, y, z) = Helmert(x, y, z, 1);
        var (lat, lon) = FromCartesian(x, y, z, AiryA, AiryE2);
        return Project(lat, lon);
    }

    /// <summary>Grid easting and northing in metres to WGS84 degrees.</summary>
    public static (double Longitude, double Latitude) ToWgs84(double easting, double northing)
    {
        var (lat, lon) = Unproject(easting, northing);
        var (x, y, z) = ToCartesian(lat, lon, AiryA, AiryE2);
        (x, y, z) = Helmert(x, y, z, -1);
        var (wLat, wLon) = FromCartesian(x, y, z, Wgs84A, Wgs84E2);
        return (Degrees(wLon), Degrees(wLat));
    }

    /// <summary>Transverse Mercator on Airy 1830 (latitude and longitude on the OSGB36 datum, radians).</summary>
    public static (double Easting, double Northing) Project(double lat, double lon)
    {
        var sin = Math.Sin(lat);
        var cos = Math.Cos(lat);
        var tan = Math.Tan(lat);
        var tan2 = tan * tan;
        var tan4 = tan2 * tan2;
        var nu = AiryA * F0 / Math.Sqrt(1 - AiryE2 * sin * sin);
        var rho = AiryA * F0 * (1 - AiryE2) / Math.Pow(1 - AiryE2 * sin * sin, 1.5);
        var eta2 = nu / rho - 1;
        var m = Meridional(lat);
        var cos3 = cos * cos * cos;
        var cos5 = cos3 * cos * cos;
        var i = m + N0;
        var ii = nu / 2 * sin * cos;
        var iii = nu / 24 * sin * cos3 * (5 - tan2 + 9 * eta2);
        var iiia = nu / 720 * sin * cos5 * (61 - 58 * tan2 + tan4);
        var iv = nu * cos;
        var v = nu / 6 * cos3 * (nu / rho - tan2);
        var vi = nu / 120 * cos5 * (5 - 18 * tan2 + tan4 + 14 * eta2 - 58 * tan2 * eta2);
        var dl = lon - Lon0;
        var dl2 = dl * dl;
        var northing = i + ii * dl2 + iii * dl2 * dl2 + iiia * dl2 * dl2 * dl2;
        var easting = E0 + iv * dl + v * dl2 * dl + vi * dl2 * dl2 * dl;
        return (easting, northing);
    }

    /// <summary>The inverse of <see cref="Project"/>: OSGB36 latitude and longitude in radians.</summary>
    public static (double Lat, double Lon) Unproject(double easting, double northing)
    {
        var lat = (northing - N0) / (AiryA * F0) + Lat0;
        var m = Meridional(lat);
        for (var k = 0; k < 20 && Math.Abs(northing - N0 - m) >= 1e-5; k++)
        {
            lat += (northing - N0 - m) / (AiryA * F0);
            m = Meridional(lat);
        }
        var sin = Math.Sin(lat);
        var tan = Math.Tan(lat);
        var tan2 = tan * tan;
        var tan4 = tan2 * tan2;
        var sec = 1 / Math.Cos(lat);
        var nu = AiryA * F0 / Math.Sqrt(1 - AiryE2 * sin * sin);
        var rho = AiryA * F0 * (1 - AiryE2) / Math.Pow(1 - AiryE2 * sin * sin, 1.5);
        var eta2 = nu / rho - 1;
        var nu3 = nu * nu * nu;
        var nu5 = nu3 * nu * nu;
        var nu7 = nu5 * nu * nu;
        var vii = tan / (2 * rho * nu);
        var viii = tan / (24 * rho * nu3) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2);
        var ix = tan / (720 * rho * nu5) * (61 + 90 * tan2 + 45 * tan4);
        var x = sec / nu;
        var xi = sec / (6 * nu3) * (nu / rho + 2 * tan2);
        var xii = sec / (120 * nu5) * (5 + 28 * tan2 + 24 * tan4);
        var xiia = sec / (5040 * nu7) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan4 * tan2);
        var de = easting - E0;
        var de2 = de * de;
        var resultLat = lat - vii * de2 + viii * de2 * de2 - ix * de2 * de2 * de2;
        var resultLon = Lon0 + x * de - xi * de2 * de + xii * de2 * de2 * de - xiia * de2 * de2 * de2 * de;
        return (resultLat, resultLon);
    }

    private static double Meridional(double lat)
    {
        var n = AiryN;
        var n2 = n * n;
        var n3 = n2 * n;
        var dLat = lat - Lat0;
        var sLat = lat + Lat0;
        return AiryB * F0 * (
            (1 + n + 1.25 * n2 + 1.25 * n3) * dLat
            - (3 * n + 3 * n2 + 21.0 / 8 * n3) * Math.Sin(dLat) * Math.Cos(sLat)
            + (15.0 / 8 * n2 + 15.0 / 8 * n3) * Math.Sin(2 * dLat) * Math.Cos(2 * sLat)
            - 35.0 / 24 * n3 * Math.Sin(3 * dLat) * Math.Cos(3 * sLat));
    }

    private static (double X, double Y, double Z) ToCartesian(double lat, double lon, double a, double e2)
    {
        var sin = Math.Sin(lat);
        var nu = a / Math.Sqrt(1 - e2 * sin * sin);
        var cos = Math.Cos(lat);
        return (nu * cos * Math.Cos(lon), nu * cos * Math.Sin(lon), nu * (1 - e2) * sin);
    }

    private static (double Lat, double Lon) FromCartesian(double x, double y, double z, double a, double e2)
    {
        var p = Math.Sqrt(x * x + y * y);
        var lat = Math.Atan2(z, p * (1 - e2));
        for (var k = 0; k < 10; k++)
        {
            var sin = Math.Sin(lat);
            var nu = a / Math.Sqrt(1 - e2 * sin * sin);
            var next = Math.Atan2(z + e2 * nu * sin, p);
            if (Math.Abs(next - lat) < 1e-12)
            {
                lat = next;
                break;
            }
            lat = next;
        }
        return (lat, Math.Atan2(y, x));
    }

    /// <summary>The small-angle Helmert transform; <paramref name="direction"/> −1 applies the inverse (to millimetres).</summary>
    private static (double X, double Y, double Z) Helmert(double x, double y, double z, int direction)
    {
        const double arcSecond = Math.PI / (180 * 3600);
        var tx = direction * Tx;
        var ty = direction * Ty;
        var tz = direction * Tz;
        var s = direction * ScalePpm * 1e-6;
        var rx = direction * RxSeconds * arcSecond;
        var ry = direction * RySeconds * arcSecond;
        var rz = direction * RzSeconds * arcSecond;
        return (
            tx + (1 + s) * x - rz * y + ry * z,
            ty + rz * x + (1 + s) * y - rx * z,
            tz - ry * x + rx * y + (1 + s) * z);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Degrees(double radians) => radians * 180 / Math.PI;
}
