package vn.htxconnect.support.internal;

import java.util.List;

/** Rows of one page (one more than asked, to tell whether a next page exists) and the total. */
record Page<T>(List<T> rows, long total) {

    static <T> Page<T> empty() {
        return new Page<>(List.of(), 0);
    }
}
