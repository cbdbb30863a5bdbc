package vn.htxconnect.sourcing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import vn.htxconnect.catalog.Certification;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.region.GeoPoint;
import vn.htxconnect.search.ProductCandidates.ItemMatch;
import vn.htxconnect.search.ProductCandidates.ItemTier;
import vn.htxconnect.sourcing.Match;
import vn.htxconnect.sourcing.Match.MatchFactor;
import vn.htxconnect.sourcing.SourcingEnums.ConfidentialField;
import vn.htxconnect.sourcing.SourcingEnums.Factor;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.platform.Message;

/**
 * Scores one product against one request: hard conditions first (a product failing one is not a
 * match), then factors in [0, 1] whose weighted mean is the score. Each factor's sentence is built
 * from the very numbers its score is computed from, so an explanation cannot disagree with the rank.
 * Pure: the same inputs give the same match, in both directions (matches and leads).
 */
final class MatchScorer {

    static final double W_RELEVANCE = 0.20;
    static final double W_CAPACITY = 0.20;
    static final double W_DISTANCE = 0.15;
    static final double W_PRICE = 0.15;
    static final double W_AVAILABILITY = 0.10;
    static final double W_CERTIFICATION = 0.10;
    static final double W_TRUST = 0.10;
    /** Without a maximum distance, a supplier this far away scores one half on distance. */
    static final double DEFAULT_HALF_DISTANCE_KM = 200;
    /** A price this share above the target scores zero on price. */
    static final double PRICE_TOLERANCE = 0.5;

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MM/yyyy");

    private MatchScorer() {
    }

    /**
     * What is known of the supplier for the trust factor. Signals that do not exist yet
     * (inquiry response rate, active linkages) are null and simply not counted; when those modules
     * exist, filling them in is all it takes.
     */
    record SupplierFacts(boolean verified, Instant lastActivity, Double responseRate, Integer activeLinkages) {
    }

    /**
     * @param relevance text relevance relative to the best candidate, 0–1, or null when the request has no text
     * @param item whether the product is the requested item (said in the relevance factor; ranks before the score)
     * @param hideConfidential whether the reader is not a party, so sentences must not reveal hidden fields
     */
    static Optional<Match> score(SourcingRequest r, Product p, Double relevance, ItemMatch item, SupplierFacts supplier,
                                 LocalDate today, boolean hideConfidential) {
        if (p.status() != ProductStatus.ACTIVE || (r.verifiedSuppliersOnly() && !supplier.verified())) {
            return Optional.empty();
        }
        List<YearMonth> window = windowMonths(r);
        long overlap = window.stream().filter(m -> p.availableMonths().contains(m.getMonthValue())).count();
        if (overlap == 0) {
            return Optional.empty();
        }
        Optional<MatchFactor> certification = certification(r, p);
        if (certification.isEmpty()) {
            return Optional.empty();
        }
        Double distance = p.lat() == null || p.lon() == null ? null
                : new GeoPoint(r.deliveryLat(), r.deliveryLon()).distanceKm(new GeoPoint(p.lat(), p.lon()));
        if (r.maxDistanceKm() != null && distance != null && distance > r.maxDistanceKm()) {
            return Optional.empty();
        }
        List<MatchFactor> factors = new ArrayList<>();
        if (relevance != null) {
            double s = clamp(relevance);
            factors.add(new MatchFactor(Factor.RELEVANCE, s, W_RELEVANCE,
                    List.of(itemSentence(item), Message.of("sourcing.match.relevance", pct(s)))));
        }
        factors.add(certification.get());
        double availability = (double) overlap / window.size();
        factors.add(new MatchFactor(Factor.AVAILABILITY, availability, W_AVAILABILITY,
                List.of(Message.of("sourcing.match.availability", overlap, window.size()))));
        Double coverage = coverage(r, p, overlap, window.size());
        factors.add(capacity(r, p, coverage, hideConfidential));
        factors.add(distance(r, distance));
        price(r, p, hideConfidential).ifPresent(factors::add);
        factors.add(trust(supplier, today));
        double weights = factors.stream().mapToDouble(MatchFactor::weight).sum();
        double score = factors.stream().mapToDouble(f -> f.score() * f.weight()).sum() / weights;
        return Optional.of(new Match(r, p, round(score), List.copyOf(factors), coverage == null ? null : round(Math.min(1, coverage)),
                distance == null ? null : Math.round(distance * 10) / 10.0, item.tier()));
    }

    /** The tier in words: the requested item, or which of the request's words the product's name lacks. */
    static Message itemSentence(ItemMatch item) {
        if (item.tier() == ItemTier.REQUESTED) {
            return Message.of("sourcing.match.item.requested");
        }
        String lacks = item.missing().stream().map(w -> "“" + w + "”").collect(Collectors.joining(", "));
        return item.tier() == ItemTier.SUBSTITUTE ? Message.of("sourcing.match.item.substitute", lacks)
                : Message.of("sourcing.match.item.other", lacks);
    }

    /** Calendar months the supply window touches, in order. */
    static List<YearMonth> windowMonths(SourcingRequest r) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(r.windowFrom()); !m.isAfter(YearMonth.from(r.windowTo())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** Required certificates must each be valid on every day of the window; without requirements valid ones earn credit. */
    private static Optional<MatchFactor> certification(SourcingRequest r, Product p) {
        List<Message> parts = new ArrayList<>();
        for (CertificationScheme scheme : r.certifications()) {
            Optional<Certification> c = bestThroughWindow(p, scheme, null, r);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            parts.add(validity(c.get()));
        }
        if (r.minOcopStars() != null) {
            Optional<Certification> c = bestThroughWindow(p, CertificationScheme.OCOP, r.minOcopStars(), r);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            if (!r.certifications().contains(CertificationScheme.OCOP)) {
                parts.add(validity(c.get()));
            }
        }
        if (!parts.isEmpty()) {
            return Optional.of(new MatchFactor(Factor.CERTIFICATION, 1, W_CERTIFICATION, parts));
        }
        // An OTHER scheme's certificate earns nothing: nobody can say what it vouches for.
        List<Message> held = p.certifications().stream().filter(c -> c.scheme().known() && throughWindow(c, r))
                .map(MatchScorer::validity)
                .distinct().toList();
        return Optional.of(held.isEmpty()
                ? new MatchFactor(Factor.CERTIFICATION, 0.5, W_CERTIFICATION,
                        List.of(Message.of("sourcing.match.certification.none")))
                : new MatchFactor(Factor.CERTIFICATION, 1, W_CERTIFICATION, held));
    }

    private static Optional<Certification> bestThroughWindow(Product p, CertificationScheme scheme, Integer minStars,
                                                             SourcingRequest r) {
        return p.certifications().stream()
                .filter(c -> c.scheme() == scheme && throughWindow(c, r))
                .filter(c -> minStars == null || (c.ocopStars() != null && c.ocopStars() >= minStars))
                .max((a, b) -> a.validTo() == null ? 1 : b.validTo() == null ? -1 : a.validTo().compareTo(b.validTo()));
    }

    /** Valid from the window's start (or today, if later) to its end: an expiry inside the window does not count. */
    static boolean throughWindow(Certification c, SourcingRequest r) {
        LocalDate start = r.windowFrom().isAfter(LocalDate.now()) ? r.windowFrom() : LocalDate.now();
        return c.validOn(start) && c.validOn(r.windowTo());
    }

    private static Message validity(Certification c) {
        String name = switch (c.scheme()) {
            case ORGANIC -> "Organic";
            case OCOP -> c.ocopStars() == null ? "OCOP" : "OCOP " + c.ocopStars() + "★";
            default -> c.scheme().displayName();
        };
        return c.validTo() == null ? Message.of("sourcing.match.certification.noExpiry", name)
                : Message.of("sourcing.match.certification.validUntil", name, c.validTo().format(MONTH_YEAR));
    }

    /**
     * Share of the requested volume the product covers: monthly capacity against monthly demand for
     * recurring requests; capacity over the available months of the window against the total for
     * one-off and seasonal ones. Null when capacity is not stated or the units do not convert.
     */
    static Double coverage(SourcingRequest r, Product p, long availableMonths, int windowMonths) {
        if (p.monthlyCapacity() == null || r.quantity() == null) {
            return null;
        }
        Optional<Double> capacity = p.unit().convert(p.monthlyCapacity().doubleValue(), r.unit());
        if (capacity.isEmpty()) {
            return null;
        }
        double q = r.quantity().doubleValue();
        return switch (r.frequency()) {
            case WEEKLY -> capacity.get() / (q * 52.0 / 12.0);
            case MONTHLY -> capacity.get() / q;
            case ONE_OFF, PER_SEASON -> capacity.get() * availableMonths / q;
        };
    }

    private static MatchFactor capacity(SourcingRequest r, Product p, Double coverage, boolean hide) {
        if (coverage == null) {
            Message why = p.monthlyCapacity() == null ? Message.of("sourcing.match.capacity.notStated")
                    : Message.of("sourcing.match.capacity.units", p.unit().label(), r.unit().label());
            return new MatchFactor(Factor.CAPACITY, p.monthlyCapacity() == null ? 0.3 : 0.2, W_CAPACITY, List.of(why));
        }
        double s = Math.min(1, coverage);
        Message sentence;
        if (hide && r.confidentialFields().contains(ConfidentialField.QUANTITY)) {
            sentence = Message.of("sourcing.match.capacity.confidential");
        } else if (s >= 1) {
            sentence = Message.of("sourcing.match.capacity.all");
        } else {
            sentence = Message.of("sourcing.match.capacity.partial", pct(s));
        }
        return new MatchFactor(Factor.CAPACITY, s, W_CAPACITY, List.of(sentence));
    }

    /** Exponential decay: one half at half the maximum distance (or at 200 km without one). */
    private static MatchFactor distance(SourcingRequest r, Double km) {
        if (km == null) {
            return new MatchFactor(Factor.DISTANCE, 0.3, W_DISTANCE, List.of(Message.of("sourcing.match.distance.unknown")));
        }
        double half = r.maxDistanceKm() == null ? DEFAULT_HALF_DISTANCE_KM : Math.max(r.maxDistanceKm() / 2, 5);
        double s = Math.pow(0.5, km / half);
        return new MatchFactor(Factor.DISTANCE, s, W_DISTANCE, List.of(Message.of("sourcing.match.distance.km", Math.round(km))));
    }

    /** Full score at or under the target; falls linearly to zero at 50% over it. Absent without a target. */
    private static Optional<MatchFactor> price(SourcingRequest r, Product p, boolean hide) {
        if (r.targetMaxPriceVnd() == null) {
            return Optional.empty();
        }
        if (p.priceMinVnd() == null) {
            return Optional.of(new MatchFactor(Factor.PRICE, 0.4, W_PRICE, List.of(Message.of("sourcing.match.price.notListed"))));
        }
        // Target per request unit, in the product's unit: 1 product unit is this many request units.
        Optional<Double> perProductUnit = p.unit().convert(1, r.unit()).map(f -> f * r.targetMaxPriceVnd());
        if (perProductUnit.isEmpty()) {
            return Optional.of(new MatchFactor(Factor.PRICE, 0.4, W_PRICE,
                    List.of(Message.of("sourcing.match.price.units", p.unit().label(), r.unit().label()))));
        }
        double ratio = p.priceMinVnd() / perProductUnit.get();
        double s = ratio <= 1 ? 1 : clamp(1 - (ratio - 1) / PRICE_TOLERANCE);
        Message sentence;
        if (hide && r.confidentialFields().contains(ConfidentialField.TARGET_PRICE)) {
            sentence = Message.of("sourcing.match.price.confidential");
        } else if (ratio <= 1) {
            sentence = Message.of("sourcing.match.price.under", pct(1 - ratio));
        } else {
            sentence = Message.of("sourcing.match.price.over", pct(ratio - 1));
        }
        return Optional.of(new MatchFactor(Factor.PRICE, s, W_PRICE, List.of(sentence)));
    }

    /**
     * Mean of the signals known: verification; recent activity (full within 30 days, none after a
     * year); later response rate and active linkages.
     */
    private static MatchFactor trust(SupplierFacts f, LocalDate today) {
        List<Double> scores = new ArrayList<>();
        List<Message> parts = new ArrayList<>();
        scores.add(f.verified() ? 1.0 : 0.0);
        parts.add(f.verified() ? Message.of("sourcing.match.trust.verified") : Message.of("sourcing.match.trust.unverified"));
        if (f.lastActivity() != null) {
            long days = Math.max(0, ChronoUnit.DAYS.between(f.lastActivity().atZone(ZoneOffset.UTC).toLocalDate(), today));
            scores.add(days <= 30 ? 1.0 : clamp(1 - (days - 30) / 335.0));
            parts.add(Message.of("sourcing.match.trust.updated", days));
        }
        if (f.responseRate() != null) {
            scores.add(clamp(f.responseRate()));
            parts.add(Message.of("sourcing.match.trust.answers", pct(f.responseRate())));
        }
        if (f.activeLinkages() != null) {
            scores.add(Math.min(1, f.activeLinkages() / 3.0));
            parts.add(Message.of("sourcing.match.trust.linkages", f.activeLinkages()));
        }
        double s = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new MatchFactor(Factor.TRUST, s, W_TRUST, parts);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    private static long pct(double share) {
        return Math.round(share * 100);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
