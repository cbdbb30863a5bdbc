package vn.htxconnect.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndexState;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.htxconnect.search.IndexAliases;

/**
 * Creates indices from {@code search-config/indices/*.json} as versioned indices ({@code products_v1})
 * behind an alias ({@code products}), and swaps the alias atomically after a full reindex.
 */
@Component
public class IndexManager implements IndexAliases {

    private static final Logger log = LoggerFactory.getLogger(IndexManager.class);
    public static final String PRODUCTS = "products";

    private final ElasticsearchClient client;
    private final String prefix;
    /** Logical indices known to exist; cleared when Elasticsearch may have been reset. */
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    /** Logical indices whose live index was built from another definition file than this app's. */
    private final Set<String> outdated = ConcurrentHashMap.newKeySet();
    private static final String HASH = "definition_hash";
    private volatile ElasticsearchClient probeClient;

    IndexManager(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.prefix = properties.indexPrefix();
    }

    @Override
    public String alias(String logical) {
        return prefix + logical;
    }

    /**
     * The index definition as it is created: the file's settings and mappings, with a digest of the
     * file in {@code mappings._meta.definition_hash}, so a running system notices when the file changed.
     */
    static String definitionToCreate(String logical) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = (ObjectNode) json.readTree(definition(logical));
        ObjectNode mappings = root.has("mappings") ? (ObjectNode) root.get("mappings") : root.putObject("mappings");
        ObjectNode meta = mappings.has("_meta") ? (ObjectNode) mappings.get("_meta") : mappings.putObject("_meta");
        meta.put(HASH, definitionHash(logical));
        return json.writeValueAsString(root);
    }

    /** SHA-256 of the definition file, hex. */
    static String definitionHash(String logical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(definition(logical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index definition (settings and mappings) as JSON text. */
    public static String definition(String logical) {
        try (InputStream in = new ClassPathResource("search-config/indices/" + logical + ".json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Missing index definition search-config/indices/" + logical + ".json", e);
        }
    }

    /** Makes sure the products alias exists, creating version 1 if not. Cheap after the first success. */
    public void ensureProducts() throws IOException {
        ensure(PRODUCTS);
    }

    /** Makes sure the alias of a logical index exists, creating version 1 if not. Cheap after the first success. */
    @Override
    public void ensure(String logical) throws IOException {
        if (ready.contains(logical)) {
            return;
        }
        String alias = alias(logical);
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            int next = Math.max(1, highestVersion(logical) + 1);
            String index = alias + "_v" + next;
            log.info("Creating index {} behind alias {}", index, alias);
            try {
                client.indices().create(c -> c.index(index).withJson(new StringReader(definitionToCreate(logical)))
                        .aliases(alias, a -> a.isWriteIndex(true)));
                keepOneVersion(logical, index);
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                // Another instance won the race: fine if the alias now exists.
                if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                    throw e;
                }
            }
        } else {
            checkDefinition(logical, alias);
        }
        ready.add(logical);
    }

    /**
     * Two creators that each found no alias (two instances' outbox handlers after Elasticsearch lost its data, or the
     * outbox and a rebuild) may each put another version behind it, and an alias with two write indices refuses every
     * write. The one that saw the other's index chose the higher version, so it sees both here: the oldest version
     * stays, the newer one (just created, empty) goes.
     */
    private void keepOneVersion(String logical, String created) throws IOException {
        List<String> targets = aliasTargets(logical);
        if (targets.size() < 2) {
            return;
        }
        String oldest = targets.stream().min(Comparator.comparingInt(IndexManager::version)).orElseThrow();
        if (!oldest.equals(created)) {
            log.info("Index {} was created behind alias {} beside {}: deleting it again", created, alias(logical), oldest);
            client.indices().delete(d -> d.index(created));
        }
    }

    /** N of an index named {@code <alias>_vN}; names without it sort last. */
    static int version(String index) {
        Matcher m = Pattern.compile("_v(\\d+)$").matcher(index);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /**
     * Compares the index behind the alias with the definition file. When they differ (a new version of
     * the app added fields or changed analysis), the fields the file adds are put into the live mapping at
     * once, so documents with them are accepted instead of refused by the strict mapping, and the index is
     * marked {@link #outdated}: a full reindex brings every document and setting in line.
     */
    private void checkDefinition(String logical, String alias) throws IOException {
        String expected = definitionHash(logical);
        var mappings = client.indices().getMapping(g -> g.index(alias)).mappings();
        for (var entry : mappings.entrySet()) {
            var meta = entry.getValue().mappings().meta();
            String found = meta == null || meta.get(HASH) == null ? null : meta.get(HASH).to(String.class);
            if (expected.equals(found)) {
                outdated.remove(logical);
                continue;
            }
            outdated.add(logical);
            log.warn("Index {} was built from another definition of {}; its new fields are added now, and a rebuild from "
                    + "MySQL brings every document in line", entry.getKey(), logical);
            JsonMapper json = JsonMapper.builder().build();
            ObjectNode body = (ObjectNode) json.readTree(definition(logical)).get("mappings").deepCopy();
            // The stored digest stays the old one until a reindex: the documents still are the old ones.
            body.remove("_meta");
            try {
                client.indices().putMapping(p -> p.index(entry.getKey()).withJson(new StringReader(json.writeValueAsString(body))));
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                log.error("Index {} cannot take the new definition of {} in place ({}); run a full reindex",
                        entry.getKey(), logical, e.getMessage());
            }
        }
    }

    /** Asks Elasticsearch again whether the alias exists and what its index was built from. */
    void recheck(String logical) throws IOException {
        ready.remove(logical);
        ensure(logical);
    }

    /** Whether the index behind the alias was built from another definition file (known after {@link #ensure}). */
    public boolean outdated(String logical) {
        return outdated.contains(logical);
    }

    /** Forget what we know (after Elasticsearch was reset or an alias swapped). */
    public void invalidate() {
        ready.clear();
    }

    /** Highest N of existing {@code <alias>_vN} indices, 0 when none. */
    public int highestVersion(String logical) throws IOException {
        String alias = alias(logical);
        Pattern p = Pattern.compile(Pattern.quote(alias) + "_v(\\d+)");
        Map<String, IndexState> indices = client.indices().get(g -> g.index(alias + "_v*").ignoreUnavailable(true)
                .allowNoIndices(true)).indices();
        int max = 0;
        for (String name : indices.keySet()) {
            Matcher m = p.matcher(name);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max;
    }

    /** Indices the alias points at now. */
    public List<String> aliasTargets(String logical) throws IOException {
        String alias = alias(logical);
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return List.of();
        }
        return List.copyOf(client.indices().getAlias(a -> a.name(alias)).aliases().keySet());
    }

    /** Creates a new version tuned for bulk loading (no refresh, no replicas); returns its name. */
    public String createNextVersion(String logical) throws IOException {
        String index = alias(logical) + "_v" + (highestVersion(logical) + 1);
        client.indices().create(c -> c.index(index).withJson(new StringReader(definitionToCreate(logical))));
        client.indices().putSettings(s -> s.index(index).settings(st -> st.refreshInterval(t -> t.time("-1"))
                .numberOfReplicas("0")));
        return index;
    }

    /** Restores search settings on a loaded index, then points the alias at it alone, atomically. */
    public void swapAlias(String logical, String index, String replicas) throws IOException {
        String alias = alias(logical);
        client.indices().putSettings(s -> s.index(index).settings(st -> st.refreshInterval(t -> t.time("1s"))
                .numberOfReplicas(replicas)));
        client.indices().refresh(r -> r.index(index));
        List<String> old = aliasTargets(logical);
        client.indices().updateAliases(u -> {
            for (String o : old) {
                u.actions(a -> a.remove(r -> r.index(o).alias(alias)));
            }
            return u.actions(a -> a.add(ad -> ad.index(index).alias(alias).isWriteIndex(true)));
        });
        for (String o : old) {
            if (!o.equals(index)) {
                client.indices().delete(d -> d.index(o));
            }
        }
        log.info("Alias {} now points at {} (was {})", alias, index, old);
        outdated.remove(logical);
    }

    /** Whether the cluster answers its health within a second (red included: item failures say the rest). */
    @Override
    public boolean reachable() {
        try {
            // Cluster health rather than a ping: any node answers it (HEAD / may be refused by a locked-down
            // node), and it fails when no master is elected, when writes would fail too.
            probeClient().cluster().health();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The client with one-second timeouts: a probe must not wait out the socket timeout of a hung node
     * (the outbox's poll thread asks), and refused connections fail at once anyway.
     */
    private ElasticsearchClient probeClient() {
        ElasticsearchClient c = probeClient;
        if (c == null) {
            Rest5ClientOptions base = Rest5ClientOptions.of(client._transportOptions());
            Timeout second = Timeout.ofSeconds(1);
            @SuppressWarnings("deprecation") // per-request connect timeout: the pool's is the client's 2 s
            RequestConfig config = RequestConfig.custom().setConnectTimeout(second).setConnectionRequestTimeout(second)
                    .setResponseTimeout(second).build();
            c = client.withTransportOptions(new Rest5ClientOptions(
                    base.restClientRequestOptions().toBuilder().setRequestConfig(config).build(),
                    base.keepResponseBodyOnException()));
            probeClient = c;
        }
        return c;
    }
}
