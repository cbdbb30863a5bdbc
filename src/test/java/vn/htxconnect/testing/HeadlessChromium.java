package vn.htxconnect.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium for the pages the app serves (test tools' own browser downloads do not work on
 * these machines). {@link #run} prints a page's DOM or takes a screenshot after its scripts ran; {@link #open}
 * drives a page through the DevTools protocol (evaluate script, wait for a condition, read the network log).
 * Fails, never skips, without Chromium: scripts/test.sh installs it.
 */
public final class HeadlessChromium {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HeadlessChromium() {
    }

    private static List<String> baseCommand(Path profile) {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Debian's chromium is needed for this test: scripts/test.sh installs it (apt-get install chromium)");
        }
        return new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,2400"));
    }

    /** One Chromium run in {@code mode} ({@code --dump-dom} prints the DOM, {@code --screenshot=file}) on {@code url}. */
    public static String run(String mode, String url) throws Exception {
        List<String> command = baseCommand(Files.createTempDirectory("htx-chromium"));
        command.addAll(List.of("--virtual-time-budget=20000", "--run-all-compositor-stages-before-draw", mode, url));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 90 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /**
     * A Chromium on about:blank, driven over the DevTools protocol; the network log is on before the first
     * navigation, so {@link Page#requestedUrls()} holds every request the page made. {@code extraFlags} go on
     * the command line (e.g. {@code --host-resolver-rules=...} to take other hosts off the network).
     */
    public static Page open(String... extraFlags) throws Exception {
        List<String> command = baseCommand(Files.createTempDirectory("htx-chromium"));
        command.add("--remote-debugging-port=0");
        command.addAll(List.of(extraFlags));
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…" on stderr.
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("DevTools listening on ws://([^/]+)/");
        String host = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String line; host == null && System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                host = m.group(1);
            }
        }
        if (host == null) {
            process.destroyForcibly();
            fail("chromium did not open its DevTools port");
        }
        Thread.ofVirtual().start(() -> err.lines().forEach(l -> { })); // keeps the pipe drained
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://" + host + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String pageSocket = null;
        for (JsonNode t : targets) {
            if ("page".equals(t.path("type").asString())) {
                pageSocket = t.path("webSocketDebuggerUrl").asString();
            }
        }
        if (pageSocket == null) {
            process.destroyForcibly();
            fail("chromium has no page target: " + targets);
        }
        Page page = new Page(process);
        page.socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), page.listener()).get(30, TimeUnit.SECONDS);
        page.send("Network.enable", Map.of());
        page.send("Page.enable", Map.of());
        return page;
    }

    /** One page of a Chromium driven over the DevTools protocol. Closing it ends that Chromium. */
    public static final class Page implements AutoCloseable {

        private final Process process;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final List<String> requested = new CopyOnWriteArrayList<>();
        private WebSocket socket;

        private Page(Process process) {
            this.process = process;
        }

        private WebSocket.Listener listener() {
            return new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        JsonNode message = JSON.readTree(text.toString());
                        text.setLength(0);
                        if (message.has("id")) {
                            CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
                            if (f != null) {
                                f.complete(message);
                            }
                        } else if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
                            requested.add(message.path("params").path("request").path("url").asString());
                        }
                    }
                    ws.request(1);
                    return null;
                }
            };
        }

        /** Sends one DevTools command and waits for its answer; fails on a protocol error. */
        public JsonNode send(String method, Map<String, ?> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
            JsonNode message = answer.get(60, TimeUnit.SECONDS);
            if (message.has("error")) {
                fail(method + " failed: " + message.get("error"));
            }
            return message.path("result");
        }

        public void navigate(String url) throws Exception {
            send("Page.navigate", Map.of("url", url));
        }

        /** The value of a JavaScript expression (awaited if a promise), as JSON. */
        public JsonNode evaluate(String expression) throws Exception {
            JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
            if (result.has("exceptionDetails")) {
                fail("script failed: " + expression + "\n" + result.get("exceptionDetails"));
            }
            return result.path("result").path("value");
        }

        /** Evaluates {@code expression} until its value passes {@code done}; fails with the last value after {@code timeout}. */
        public JsonNode await(String expression, Predicate<JsonNode> done, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            JsonNode value = null;
            while (System.nanoTime() < deadline) {
                value = evaluate(expression);
                if (done.test(value)) {
                    return value;
                }
                Thread.sleep(200);
            }
            return fail("after " + timeout.toSeconds() + " s still " + value + " for " + expression);
        }

        /** Every URL the page requested since the network log was switched on (before the first navigation). */
        public List<String> requestedUrls() {
            return List.copyOf(requested);
        }

        @Override
        public void close() throws Exception {
            try {
                if (socket != null) {
                    socket.abort();
                }
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
