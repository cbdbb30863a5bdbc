package vn.htxconnect.catalog.internal.imports;

/** Where an import is: waiting, running (see its progress), finished, or stopped by a failure. */
public enum ProductImportStatus {
    QUEUED, RUNNING, DONE, FAILED
}
