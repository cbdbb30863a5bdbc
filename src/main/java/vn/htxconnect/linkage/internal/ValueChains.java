package vn.htxconnect.linkage.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.platform.Actor;

/**
 * The value chain around an organization or a product: the graph of its active (and suspended)
 * linkages walked upstream to suppliers and downstream to customers, level by level — one indexed SQL
 * statement per level and direction, whatever the width — bounded in depth and size; visited sets stop cycles.
 */
@Service
class ValueChains {

    static final int MAX_DEPTH = 4;
    static final int MAX_LINKS = 300;

    enum Direction { UPSTREAM, DOWNSTREAM, BOTH }

    /** What the reader may see: the organizations it belongs to, and whether it reads for the Alliance. */
    record Viewer(Set<Long> organizations, boolean alliance) {

        static Viewer of(Actor a) {
            return new Viewer(Set.copyOf(a.memberships().keySet()), a.isAlliance());
        }

        Linkage show(Linkage l) {
            return alliance || organizations.stream().anyMatch(l::party) ? l : l.redacted();
        }
    }

    /** An organization in the chain: its stage and how many links away from the root (upstream negative). */
    record Node(long organizationId, Stage stage, int distance) {
    }

    record Graph(Long rootOrganizationId, Long productId, int depth, Direction direction, List<Node> nodes,
                 List<Linkage> links, boolean truncated) {
    }

    private record Row(long id, long supplier, long customer) {
    }

    private final NamedParameterJdbcTemplate named;
    private final LinkageManagement linkages;

    ValueChains(JdbcTemplate jdbc, LinkageManagement linkages) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.linkages = linkages;
    }

    @Transactional(readOnly = true)
    public Graph build(Long organizationId, Long productId, int depth, Direction direction, Viewer viewer) {
        Map<Long, Integer> distance = new LinkedHashMap<>();
        Set<Long> links = new LinkedHashSet<>();
        Set<Long> upFrontier = new LinkedHashSet<>();
        Set<Long> downFrontier = new LinkedHashSet<>();
        boolean truncated = false;
        int levels = depth;
        if (productId != null) {
            // The product's own linkages are the first level: its supplier is the root, its customers one step down.
            List<Row> first = rows("product_id = :p", new MapSqlParameterSource("p", productId));
            for (Row r : first) {
                links.add(r.id());
                distance.putIfAbsent(r.supplier(), 0);
                distance.putIfAbsent(r.customer(), 1);
                upFrontier.add(r.supplier());
                downFrontier.add(r.customer());
            }
            if (organizationId != null) {
                distance.putIfAbsent(organizationId, 0);
            }
            levels = depth - 1;
        } else {
            distance.put(organizationId, 0);
            upFrontier.add(organizationId);
            downFrontier.add(organizationId);
        }
        int downStart = productId != null ? 1 : 0;
        for (int level = 1; level <= Math.max(levels, 0) && !truncated; level++) {
            if (direction != Direction.DOWNSTREAM && !upFrontier.isEmpty()) {
                upFrontier = walk(upFrontier, false, -level, distance, links);
            }
            if (direction != Direction.UPSTREAM && !downFrontier.isEmpty()) {
                downFrontier = walk(downFrontier, true, downStart + level, distance, links);
            }
            truncated = links.size() >= MAX_LINKS;
        }
        List<Linkage> loaded = linkages.findByIds(links).values().stream()
                .sorted(Comparator.comparingLong(Linkage::databaseId)).limit(MAX_LINKS).map(viewer::show).toList();
        Map<Long, Stage> stages = new LinkedHashMap<>();
        for (Linkage l : loaded) {
            stages.putIfAbsent(l.supplierOrganizationId(), l.supplierStage());
            stages.putIfAbsent(l.customerOrganizationId(), l.customerStage());
        }
        List<Node> nodes = new ArrayList<>();
        distance.forEach((org, d) -> nodes.add(new Node(org, stages.getOrDefault(org, null), d)));
        nodes.removeIf(n -> n.stage() == null && n.distance() != 0);
        return new Graph(organizationId, productId, depth, direction, nodes, loaded, truncated);
    }

    /** One level: the linkages into (upstream) or out of (downstream) the frontier; returns the next frontier. */
    private Set<Long> walk(Set<Long> frontier, boolean downstream, int distanceOfNext, Map<Long, Integer> distance,
                           Set<Long> links) {
        String column = downstream ? "supplier_org_id" : "customer_org_id";
        List<Row> rows = rows(column + " IN (:orgs)", new MapSqlParameterSource("orgs", frontier));
        Set<Long> next = new LinkedHashSet<>();
        for (Row r : rows) {
            if (links.size() >= MAX_LINKS || !links.add(r.id())) {
                continue;
            }
            long other = downstream ? r.customer() : r.supplier();
            if (!distance.containsKey(other)) {
                distance.put(other, distanceOfNext);
                next.add(other);
            }
        }
        return next;
    }

    private List<Row> rows(String condition, MapSqlParameterSource p) {
        p.addValue("limit", MAX_LINKS + 1);
        return named.query("SELECT id, supplier_org_id, customer_org_id FROM supply_linkage WHERE " + condition
                        + " AND status IN ('ACTIVE', 'SUSPENDED') ORDER BY id LIMIT :limit", p,
                (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    static Collection<Long> organizationIds(Graph g) {
        return g.nodes().stream().map(Node::organizationId).toList();
    }
}
