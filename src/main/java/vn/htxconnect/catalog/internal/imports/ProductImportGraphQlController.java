package vn.htxconnect.catalog.internal.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.platform.UserErrorCode;

/** {@code importProducts} for small files (larger ones go to the REST upload), and import reports. */
@Controller
class ProductImportGraphQlController implements NodeResolver {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = ProductImportService.SYNC_MAX_ROWS;

    private final ProductImportService imports;
    private final OrganizationService organizations;

    ProductImportGraphQlController(ProductImportService imports, OrganizationService organizations) {
        this.imports = imports;
        this.organizations = organizations;
    }

    record ImportProductsInput(String organizationId, String csv, String fileName, String clientMutationId) {
    }

    record ImportProductsPayload(ProductImport productImport, List<UserError> errors, String clientMutationId) {
    }

    @MutationMapping
    ImportProductsPayload importProducts(@Argument ImportProductsInput input, GraphQLContext context) {
        try {
            Organization owner = imports.supplier(input.organizationId());
            Message upload = Message.of("catalog.import.hint.rest", input.organizationId(), ProductImportService.MAX_ROWS);
            if (input.csv().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                throw new ImportRejectedException(UserErrorCode.OUT_OF_RANGE, ImportRejectedException.FILE, null, null,
                        Message.of("catalog.import.fileTooLarge", MAX_BYTES / (1024 * 1024), upload));
            }
            ProductImport report = imports.submit(owner, input.fileName(), input.csv(), MAX_ROWS, upload, MAX_ROWS,
                    context.getOrDefault(Messages.LANGUAGE, "vi"));
            return new ImportProductsPayload(report, List.of(), input.clientMutationId());
        } catch (ImportRejectedException e) {
            // The messages name the offending columns and rows themselves.
            return new ImportProductsPayload(null, List.of(UserError.of(e.field(), e.code(), e.text())),
                    input.clientMutationId());
        }
    }

    @QueryMapping
    ProductImport productImport(@Argument String id) {
        return imports.find(GlobalId.decode("id", id, ProductImport.TYPE))
                .orElseThrow(() -> ApiException.notFound(Message.of("catalog.import.notFoundId", id)));
    }

    @SchemaMapping(typeName = "ProductImport")
    Organization organization(ProductImport report) {
        return organizations.findById(report.organizationId()).orElse(null);
    }

    @SchemaMapping(typeName = "ProductImport")
    Connection<ProductImportError> rowErrors(ProductImport report, @Argument Integer first, @Argument String after) {
        int size = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        return Connection.fromOffset(imports.errors(report.databaseId(), offset, size + 1), offset, size,
                imports.storedErrorCount(report.databaseId()));
    }

    @SchemaMapping(typeName = "ProductImport")
    Connection<ProductImportError> rowWarnings(ProductImport report, @Argument Integer first, @Argument String after) {
        int size = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        return Connection.fromOffset(imports.warnings(report.databaseId(), offset, size + 1), offset, size,
                imports.storedWarningCount(report.databaseId()));
    }

    @Override
    public String typeName() {
        return ProductImport.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        return imports.find(id);
    }
}
