package vn.htxconnect.insight.internal;

import java.text.CollationKey;
import java.text.Collator;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import vn.htxconnect.insight.ActivityStatus;
import vn.htxconnect.insight.ActivityStatusReport;
import vn.htxconnect.insight.ActivityStatusReport.Counts;
import vn.htxconnect.insight.ActivityStatusReport.Row;
import vn.htxconnect.insight.ActivityStatusReport.TrendPoint;
import vn.htxconnect.insight.ActivityStatusService;
import vn.htxconnect.insight.CooperativeActivity;
import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;

/**
 * Asks every {@link ActivitySource} (whichever modules provide one) about chunks of 1,000 cooperatives and
 * derives their statuses in memory: a province costs its chunks of organizations plus one statement per
 * source per chunk, however many month ends the trend has.
 */
@Service
class ActivityStatusManagement implements ActivityStatusService {

    static final int CHUNK = ActivitySource.MAX_IDS_PER_STATEMENT;

    private final List<ActivitySource> sources;
    private final List<ActivityKind> kinds;
    private final OrganizationService organizations;
    private final CooperativeDecisionStore decisions;

    ActivityStatusManagement(List<ActivitySource> sources, OrganizationService organizations,
                             CooperativeDecisionStore decisions) {
        this.sources = List.copyOf(sources);
        this.kinds = sources.stream().map(ActivitySource::kind).distinct().sorted().toList();
        this.organizations = organizations;
        this.decisions = decisions;
    }

    /** The kinds some module reports, in their declared order: the signals every activity lists. */
    List<ActivityKind> kinds() {
        return kinds;
    }

    /** What the sources said about some organizations at some instants: per kind, one map per instant. */
    private final class Evaluation {
        private final Map<ActivityKind, List<Map<Long, Instant>>> byKind = new EnumMap<>(ActivityKind.class);
        private final List<Instant> instants;

        Evaluation(Collection<Long> ids, List<Instant> instants) {
            this.instants = instants;
            for (ActivitySource source : sources) {
                List<Map<Long, Instant>> answer = source.lastActivity(ids, instants);
                List<Map<Long, Instant>> known = byKind.get(source.kind());
                if (known == null) {
                    byKind.put(source.kind(), new ArrayList<>(answer));
                } else {
                    // Two sources of one kind: the later activity counts.
                    for (int i = 0; i < instants.size(); i++) {
                        Map<Long, Instant> merged = new HashMap<>(known.get(i));
                        answer.get(i).forEach((org, at) -> merged.merge(org, at, (a, b) -> a.isAfter(b) ? a : b));
                        known.set(i, merged);
                    }
                }
            }
        }

        CooperativeActivity activity(Organization o, int instant) {
            List<CooperativeActivity.Signal> signals = new ArrayList<>(kinds.size());
            Instant latest = null;
            ActivityKind latestKind = null;
            for (ActivityKind kind : kinds) {
                Instant at = byKind.get(kind).get(instant).get(o.databaseId());
                signals.add(new CooperativeActivity.Signal(kind, at));
                if (at != null && (latest == null || at.isAfter(latest))) {
                    latest = at;
                    latestKind = kind;
                }
            }
            Instant when = instants.get(instant);
            return new CooperativeActivity(o.databaseId(), ActivityStatusRules.classify(o.createdAt(), latest, when),
                    o.createdAt(), latest, latestKind, List.copyOf(signals), when);
        }

        ActivityStatus status(Organization o, int instant) {
            Instant latest = null;
            for (List<Map<Long, Instant>> perInstant : byKind.values()) {
                Instant at = perInstant.get(instant).get(o.databaseId());
                if (at != null && (latest == null || at.isAfter(latest))) {
                    latest = at;
                }
            }
            return ActivityStatusRules.classify(o.createdAt(), latest, instants.get(instant));
        }
    }

    @Override
    public Map<Long, CooperativeActivity> activityOf(Collection<Organization> orgs) {
        Map<Long, CooperativeActivity> out = new HashMap<>();
        List<Organization> all = List.copyOf(orgs);
        Instant now = Instant.now();
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<Organization> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            Evaluation ev = new Evaluation(chunk.stream().map(Organization::databaseId).toList(), List.of(now));
            chunk.forEach(o -> out.put(o.databaseId(), ev.activity(o, 0)));
        }
        return out;
    }

    @Override
    public ActivityStatusReport report(String provinceCode, boolean withTrend) {
        Instant now = Instant.now();
        List<YearMonth> months = withTrend ? ActivityStatusRules.trendMonths(now) : List.of();
        List<Instant> instants = new ArrayList<>();
        instants.add(now);
        months.forEach(m -> instants.add(ActivityStatusRules.endOf(m)));
        long[] current = new long[ActivityStatus.values().length];
        long[][] trend = new long[months.size()][ActivityStatus.values().length];
        List<Row> rows = new ArrayList<>();
        walk(provinceCode, withTrend, chunk -> {
            // Archived cooperatives count in the months before their dissolution or merger; those archived
            // without a decision have no known date and stay out of the trend.
            List<Long> archived = chunk.stream().filter(o -> !o.active()).map(Organization::databaseId).toList();
            Map<Long, Instant> gone = archived.isEmpty() ? Map.of() : decisions.archivedAt(archived);
            List<Organization> counted = chunk.stream().filter(o -> o.active() || gone.containsKey(o.databaseId())).toList();
            if (counted.isEmpty()) {
                return;
            }
            Evaluation ev = new Evaluation(counted.stream().map(Organization::databaseId).toList(), instants);
            for (Organization o : counted) {
                if (o.active()) {
                    CooperativeActivity a = ev.activity(o, 0);
                    rows.add(new Row(o, a));
                    current[a.status().ordinal()]++;
                }
                for (int m = 0; m < months.size(); m++) {
                    Instant end = instants.get(m + 1);
                    Instant archivedAt = gone.get(o.databaseId());
                    if (!o.createdAt().isAfter(end) && (o.active() || archivedAt.isAfter(end))) {
                        trend[m][ev.status(o, m + 1).ordinal()]++;
                    }
                }
            }
        });
        sortByName(rows);
        List<TrendPoint> points = new ArrayList<>(months.size());
        for (int m = 0; m < months.size(); m++) {
            points.add(new TrendPoint(months.get(m), instants.get(m + 1), Counts.of(trend[m])));
        }
        return new ActivityStatusReport(provinceCode, now, Counts.of(current), List.copyOf(rows), List.copyOf(points));
    }

    @Override
    public Map<String, Counts> countsByProvince() {
        // Every cooperative at once: one light statement for the cooperatives, one loose index scan per source
        // (cost by organizations, not by the million products or sign-ins behind them), then counting in memory.
        Instant now = Instant.now();
        Map<Long, Instant> latest = new HashMap<>();
        for (ActivitySource source : sources) {
            source.latestOfEveryOrganization(now).forEach((org, at) -> latest.merge(org, at, (a, b) -> a.isAfter(b) ? a : b));
        }
        Map<String, long[]> counts = new TreeMap<>();
        for (OrganizationService.CooperativeRegistration c : organizations.registeredCooperatives()) {
            ActivityStatus status = ActivityStatusRules.classify(c.registeredAt(), latest.get(c.id()), now);
            counts.computeIfAbsent(c.provinceCode(), k -> new long[ActivityStatus.values().length])[status.ordinal()]++;
        }
        Map<String, Counts> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, Counts.of(v)));
        return out;
    }

    /** Vietnamese alphabetical order (đ after d, tones after the bare letter), with keys computed once per name. */
    private static void sortByName(List<Row> rows) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        Map<Row, CollationKey> keys = new IdentityHashMap<>(rows.size());
        rows.forEach(r -> keys.put(r, collator.getCollationKey(r.organization().name())));
        rows.sort(Comparator.comparing((Row r) -> keys.get(r)).thenComparingLong(r -> r.organization().databaseId()));
    }

    /**
     * The province's registered (not archived) cooperatives with their activity now, chunk by chunk in ID
     * order, so an export streams without holding the province in memory.
     */
    void forEachChunk(String provinceCode, Consumer<List<Row>> consumer) {
        walk(provinceCode, false, chunk -> {
            if (!chunk.isEmpty()) {
                Instant now = Instant.now();
                Evaluation ev = new Evaluation(chunk.stream().map(Organization::databaseId).toList(), List.of(now));
                consumer.accept(chunk.stream().map(o -> new Row(o, ev.activity(o, 0))).toList());
            }
        });
    }

    /** Every cooperative of the province in chunks; archived ones only when asked. */
    private void walk(String provinceCode, boolean withArchived, Consumer<List<Organization>> consumer) {
        long after = 0;
        while (true) {
            List<Organization> chunk = organizations.cooperativesIn(provinceCode, after, CHUNK);
            if (chunk.isEmpty()) {
                return;
            }
            after = chunk.getLast().databaseId();
            consumer.accept(withArchived ? chunk : chunk.stream().filter(Organization::active).toList());
            if (chunk.size() < CHUNK) {
                return;
            }
        }
    }
}
