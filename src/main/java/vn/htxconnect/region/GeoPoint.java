package vn.htxconnect.region;

import java.util.Objects;

/**
 * A WGS 84 point in decimal degrees.
 *
 * @param lat latitude, -90 to 90
 * @param lon longitude, -180 to 180
 */
public record GeoPoint(double lat, double lon) {

    /** Mean Earth radius (IUGG); good to about 0.5% for a spherical model. */
    private static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        // Written as negated ranges so that NaN is rejected too.
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude out of range [-90, 90]: " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude out of range [-180, 180]: " + lon);
        }
    }

    /** Great-circle (haversine) distance to {@code other} in kilometres. */
    public double distanceKm(GeoPoint other) {
        Objects.requireNonNull(other, "other");
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.lon - lon);
        double h = Math.pow(Math.sin(dPhi / 2), 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        // min() guards against rounding pushing h just above 1 for antipodal points.
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
