package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/backup.sh and scripts/restore.sh with the real mysqldump and client on the local MySQL-compatible
 * server (no mocks): a small database with Vietnamese text, binary data, a foreign key, a trigger and a stored
 * function is backed up and restored under another name; every table has the same rows (count and checksum)
 * and the routines and triggers came along. A second restore over it is refused without --yes and leaves it
 * as it was; with --yes it replaces it.
 */
class BackupRestoreScriptTests {

    static final String HOST = env("HTX_DB_HOST", "127.0.0.1");
    static final String PORT = env("HTX_DB_PORT", "3306");
    static final String USER = env("HTX_DB_USER", "htx");
    static final String PASSWORD = env("HTX_DB_PASSWORD", "htx");
    // Named after the test database, so they fall under the app user's grant (htxconnect%) and apart from others.
    static final String SOURCE = env("HTX_TEST_DB", "htxconnect_test") + "_bk_src";
    static final String TARGET = env("HTX_TEST_DB", "htxconnect_test") + "_bk_dst";

    @TempDir
    Path dir;

    @AfterEach
    void dropDatabases() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + SOURCE + "`");
            s.execute("DROP DATABASE IF EXISTS `" + TARGET + "`");
        }
    }

    @Test
    void aBackupRestoresUnderAnotherNameWithEveryRow() throws Exception {
        fillSource();
        Path file = dir.resolve("drill.sql.gz");

        Result backup = script(Map.of("HTX_DB_NAME", SOURCE), "scripts/backup.sh", file.toString());
        assertThat(backup.exit).as(backup.output).isZero();
        assertThat(backup.stdout.strip()).as("prints the backup's path").isEqualTo(file.toString());
        assertThat(Files.size(file)).isPositive();

        Result restore = script(Map.of("HTX_DB_NAME", TARGET), "scripts/restore.sh", file.toString());
        assertThat(restore.exit).as(restore.output).isZero();
        assertThat(restore.output).contains("scripts/reindex.sh");
        assertThat(contents(TARGET)).isEqualTo(contents(SOURCE));
        assertThat(contents(TARGET)).containsEntry("farmer", "1000 rows");
        try (Connection c = connect(TARGET); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT name, photo, label_of(id) FROM farmer WHERE id = 7");
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("Nông Thị Hồng 7 🌾");
            assertThat(r.getBytes(2)).containsExactly(0, 7, (byte) 0xFF, '\'', '\\');
            assertThat(r.getString(3)).as("the stored function came along").isEqualTo("farmer-7");
            s.execute("INSERT INTO farmer (name) VALUES ('Hà Văn Mới')");
            ResultSet audit = s.executeQuery("SELECT COUNT(*) FROM farmer_audit");
            audit.next();
            assertThat(audit.getInt(1)).as("the trigger came along and fired").isEqualTo(1001);
            s.execute("CREATE TABLE marker (id INT) ENGINE=InnoDB");
            s.execute("INSERT INTO marker VALUES (1)");
        }

        Result refused = script(Map.of("HTX_DB_NAME", TARGET), "scripts/restore.sh", file.toString());
        assertThat(refused.exit).as(refused.output).isNotZero();
        assertThat(refused.output).contains("--yes");
        assertThat(contents(TARGET)).as("left as it was").containsEntry("marker", "1 rows");

        Result replaced = script(Map.of("HTX_DB_NAME", TARGET), "scripts/restore.sh", file.toString(), "--yes");
        assertThat(replaced.exit).as(replaced.output).isZero();
        assertThat(contents(TARGET)).as("replaced whole: a table the backup does not have is gone").isEqualTo(contents(SOURCE));
    }

    private void fillSource() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + SOURCE + "`");
            s.execute("DROP DATABASE IF EXISTS `" + TARGET + "`");
            s.execute("CREATE DATABASE `" + SOURCE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        try (Connection c = connect(SOURCE); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cooperative (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(200) NOT NULL,"
                    + " capital DECIMAL(18,2), founded DATETIME(6)) ENGINE=InnoDB");
            s.execute("CREATE TABLE farmer (id BIGINT PRIMARY KEY AUTO_INCREMENT, cooperative_id BIGINT,"
                    + " name VARCHAR(200) NOT NULL, photo VARBINARY(64), notes JSON,"
                    + " FOREIGN KEY (cooperative_id) REFERENCES cooperative (id)) ENGINE=InnoDB");
            s.execute("CREATE TABLE farmer_audit (farmer_id BIGINT NOT NULL) ENGINE=InnoDB");
            s.execute("CREATE TRIGGER farmer_added AFTER INSERT ON farmer FOR EACH ROW INSERT INTO farmer_audit VALUES (NEW.id)");
            s.execute("CREATE FUNCTION label_of(i BIGINT) RETURNS VARCHAR(40) DETERMINISTIC RETURN CONCAT('farmer-', i)");
            s.execute("INSERT INTO cooperative (name, capital, founded) VALUES ('HTX Chè Tân Cương', 1234567.89, '2019-07-01 08:30:00.123456'),"
                    + " ('HTX Quế hồi Cao Bằng', NULL, NULL)");
        }
        try (Connection c = connect(SOURCE);
                PreparedStatement p = c.prepareStatement("INSERT INTO farmer (cooperative_id, name, photo, notes) VALUES (?, ?, ?, ?)")) {
            for (int i = 1; i <= 1000; i++) {
                p.setLong(1, i % 2 + 1);
                p.setString(2, "Nông Thị Hồng " + i + " 🌾");
                p.setBytes(3, new byte[] {0, (byte) i, (byte) 0xFF, '\'', '\\'});
                p.setString(4, "{\"ghi_chú\": \"vụ " + i + "\"}");
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Each table's row count and checksum: equal maps mean equal contents. */
    private static Map<String, String> contents(String db) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            ResultSet t = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name");
            while (t.next()) {
                tables.add(t.getString(1));
            }
            for (String table : tables) {
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`");
                r.next();
                out.put(table, r.getLong(1) + " rows");
                ResultSet sum = s.executeQuery("CHECKSUM TABLE `" + table + "`");
                sum.next();
                out.put(table + " checksum", sum.getString(2));
            }
        }
        return out;
    }

    private static Connection connect(String db) throws Exception {
        return DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + PORT + "/" + db
                + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&allowPublicKeyRetrieval=true&useSSL=false", USER, PASSWORD);
    }

    record Result(int exit, String stdout, String output) {
    }

    private static Result script(Map<String, String> env, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash"));
        cmd.addAll(List.of(command));
        Path errors = Files.createTempFile("htx-script", ".err");
        // No terminal on stdin: restore.sh cannot ask, so it must refuse on its own.
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(new File("/dev/null")).redirectError(errors.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        String stdout = new String(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(errors);
        Files.delete(errors);
        return new Result(p.exitValue(), stdout, stdout + stderr);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
