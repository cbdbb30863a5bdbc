package vn.htxconnect.platform;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** A Spring Data {@link Pageable} addressed by row offset rather than page number (cursor paging). */
public record OffsetPage(long offset, int pageSize, Sort sort) implements Pageable {

    public OffsetPage(long offset, int pageSize) {
        this(offset, pageSize, Sort.unsorted());
    }

    @Override
    public int getPageNumber() {
        return (int) (offset / pageSize);
    }

    @Override
    public int getPageSize() {
        return pageSize;
    }

    @Override
    public long getOffset() {
        return offset;
    }

    @Override
    public Sort getSort() {
        return sort;
    }

    @Override
    public Pageable next() {
        return new OffsetPage(offset + pageSize, pageSize, sort);
    }

    @Override
    public Pageable previousOrFirst() {
        return offset == 0 ? this : new OffsetPage(Math.max(0, offset - pageSize), pageSize, sort);
    }

    @Override
    public Pageable first() {
        return new OffsetPage(0, pageSize, sort);
    }

    @Override
    public Pageable withPage(int pageNumber) {
        return new OffsetPage((long) pageNumber * pageSize, pageSize, sort);
    }

    @Override
    public boolean hasPrevious() {
        return offset > 0;
    }
}
