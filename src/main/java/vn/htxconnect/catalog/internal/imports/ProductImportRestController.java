package vn.htxconnect.catalog.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.platform.UserErrorCode;

/**
 * CSV upload over REST (a poor fit for GraphQL): a multipart {@code file} or a raw {@code text/csv}
 * body. Up to {@value ProductImportService#SYNC_MAX_ROWS} rows answer 201 with the finished report;
 * larger files answer 202 and import in the background, the report's {@code location} showing progress.
 */
@RestController
@RequestMapping("/api")
class ProductImportRestController {

    static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final String IMPORTS = "/organizations/{organizationId}/product-imports";

    private final ProductImportService imports;

    ProductImportRestController(ProductImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = IMPORTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ProductImportReport> upload(@PathVariable String organizationId, @RequestPart("file") MultipartFile file,
                                               HttpServletRequest request)
            throws IOException {
        Organization owner = imports.supplier(organizationId);
        if (file.getSize() > MAX_BYTES) {
            throw tooLarge();
        }
        return start(owner, file.getOriginalFilename(), file.getBytes(), request);
    }

    @PostMapping(path = IMPORTS, consumes = {"text/csv", "text/plain", "application/csv", "application/octet-stream"})
    ResponseEntity<ProductImportReport> uploadBody(@PathVariable String organizationId,
                                                   @RequestParam(required = false) String fileName, InputStream body,
                                                   HttpServletRequest request)
            throws IOException {
        Organization owner = imports.supplier(organizationId);
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return start(owner, fileName, bytes, request);
    }

    private ResponseEntity<ProductImportReport> start(Organization owner, String fileName, byte[] bytes,
                                                      HttpServletRequest request) {
        ProductImport report = imports.submit(owner, fileName, ProductCsv.decode(bytes), ProductImportService.MAX_ROWS,
                Message.of("catalog.import.hint.split", ProductImportService.MAX_ROWS), ProductImportService.SYNC_MAX_ROWS,
                language(request));
        boolean finished = report.status() == ProductImportStatus.DONE || report.status() == ProductImportStatus.FAILED;
        ProductImportReport body = finished ? full(report) : ProductImportReport.of(report, List.of(), List.of());
        return ResponseEntity.status(finished ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                .location(URI.create(body.location())).body(body);
    }

    @GetMapping(IMPORTS + "/{importId}")
    ProductImportReport report(@PathVariable String organizationId, @PathVariable String importId) {
        long orgId = GlobalId.decode("organizationId", organizationId, Organization.TYPE);
        Access.requireMember(orgId);
        ProductImport report = imports.find(GlobalId.decode("importId", importId, ProductImport.TYPE))
                .filter(r -> r.organizationId() == orgId)
                .orElseThrow(() -> ApiException.notFound(Message.of("catalog.import.notFoundFor", importId, organizationId)));
        return full(report);
    }

    /** The report with every stored error and warning. */
    private ProductImportReport full(ProductImport report) {
        return ProductImportReport.of(report, imports.errors(report.databaseId(), 0, ProductImportService.MAX_STORED_ERRORS),
                imports.warnings(report.databaseId(), 0, ProductImportService.MAX_STORED_ERRORS));
    }

    @GetMapping("/product-imports/template.csv")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(ImportTemplate.FILE_NAME).build().toString())
                .body(ImportTemplate.csv(LocalDate.now()).getBytes(StandardCharsets.UTF_8));
    }

    /** Why a request was refused: {@code code} as in GraphQL's extensions.code, {@code reason} the finer cause. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(ErrorCode code, UserErrorCode reason, String message, String field, String column, Integer row) {
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<Problem> rejected(ImportRejectedException e, HttpServletRequest request) {
        boolean noOrganization = e.code() == UserErrorCode.NOT_FOUND && ImportRejectedException.ORGANIZATION.equals(e.field());
        // A file over a size limit names no row; one over the row limit names the first row too many.
        HttpStatus status = noOrganization ? HttpStatus.NOT_FOUND
                : e.code() == UserErrorCode.OUT_OF_RANGE && e.row() == null ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        String field = ImportRejectedException.FILE.equals(e.field()) ? "file" : e.field();
        return ResponseEntity.status(status).body(new Problem(noOrganization ? ErrorCode.NOT_FOUND : ErrorCode.BAD_REQUEST,
                e.code(), Messages.render(e.text(), language(request)), field, e.column(), e.row()));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Problem> apiError(ApiException e, HttpServletRequest request) {
        HttpStatus status = switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(new Problem(e.code(), null, Messages.render(e.text(), language(request)),
                e.field(), null, null));
    }

    /** The caller's language, from {@code Accept-Language} as for GraphQL. */
    private static String language(HttpServletRequest request) {
        return Messages.languageOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static ImportRejectedException tooLarge() {
        return new ImportRejectedException(UserErrorCode.OUT_OF_RANGE, ImportRejectedException.FILE, null, null,
                Message.of("catalog.import.fileTooLarge", MAX_BYTES / (1024 * 1024),
                        Message.of("catalog.import.hint.smaller")));
    }
}
