package vn.htxconnect.insight.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.htxconnect.account.SignedLinks;
import vn.htxconnect.insight.ActivityStatus;
import vn.htxconnect.insight.ActivityStatusReport.Row;
import vn.htxconnect.insight.CooperativeActivity;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * The report as CSV for Excel (UTF-8 with a BOM, one row per cooperative with every signal), streamed chunk
 * by chunk. Either the signed {@code token} of a report's {@code csvUrl}, or a bearer token or API key of a
 * report reader.
 */
@RestController
class ActivityStatusCsvController {

    static final String PATH = "/api/insights/cooperative-activity.csv";
    static final String PURPOSE = "cooperative-activity-csv";
    static final Duration LINK_TTL = Duration.ofMinutes(15);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ActivityStatusRules.ZONE);

    private final ActivityStatusManagement service;
    private final ProvinceService provinces;
    private final SignedLinks links;

    ActivityStatusCsvController(ActivityStatusManagement service, ProvinceService provinces, SignedLinks links) {
        this.service = service;
        this.provinces = provinces;
        this.links = links;
    }

    @GetMapping(PATH)
    void csv(@RequestParam String province, @RequestParam(required = false) ActivityStatus status,
             @RequestParam(required = false) String token,
             @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
             HttpServletResponse response) throws IOException {
        Province p = provinces.resolve(province)
                .orElseThrow(() -> ApiException.badRequest("province", Message.of("region.province.unknownNamed", province)));
        String language = Messages.languageOf(acceptLanguage);
        if (token != null) {
            Map<String, Object> claims = links.verify(PURPOSE, token).filter(c -> p.code().equals(c.get("province")))
                    .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN,
                            Message.of("insight.activity.linkExpired")));
            language = "en".equals(claims.get("lang")) ? "en" : "vi";
        } else {
            ActivityStatusController.requireReportReader();
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("cooperative-activity-" + p.slug() + "-" + LocalDate.now(ActivityStatusRules.ZONE) + ".csv")
                .build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF'); // Excel reads UTF-8 (Vietnamese marks) only with a BOM.
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
        List<String> header = new ArrayList<>(List.of("organization_id", "name", "tax_code", "kind", "province_code",
                "registered_on", "status", "last_activity_on", "last_activity_kind"));
        service.kinds().forEach(k -> header.add(ActivityStatusExplanations.column(k)));
        header.add("explanation");
        csv.printRecord(header);
        String lang = language;
        service.forEachChunk(p.code(), rows -> {
            try {
                for (Row row : rows) {
                    if (status == null || row.activity().status() == status) {
                        csv.printRecord(record(row, lang));
                    }
                }
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private static List<String> record(Row row, String language) {
        CooperativeActivity a = row.activity();
        List<String> cells = new ArrayList<>(List.of(row.organization().id(), safe(row.organization().name()),
                row.organization().taxCode() == null ? "" : row.organization().taxCode(), row.organization().kind().name(),
                row.organization().provinceCode(), day(a.registeredAt()), a.status().name(), day(a.lastActivityAt()),
                a.lastActivityKind() == null ? "" : a.lastActivityKind().name()));
        a.signals().forEach(s -> cells.add(day(s.lastAt())));
        cells.add(safe(ActivityStatusFieldsController.explain(a, language)));
        return cells;
    }

    private static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    /** A cell Excel would run as a formula (=, +, -, @) is kept as text. */
    static String safe(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** Why a request was refused: {@code code} as in GraphQL's extensions.code. */
    record Problem(ErrorCode code, String message, String field) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Problem> refused(ApiException e, HttpServletRequest request) {
        HttpStatus status = switch (e.code()) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(new Problem(e.code(),
                Messages.render(e.text(), Messages.languageOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))), e.field()));
    }
}
