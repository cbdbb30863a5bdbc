package vn.htxconnect.insight.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Message;
import vn.htxconnect.search.SearchMisses;

/** Searches that found nothing, and why: what buyers look for and do not find, for the Alliance and insight:read keys. */
@Controller
class UnmetSearchController {

    static final int MAX_MISSES = 100;

    private final SearchMisses misses;

    UnmetSearchController(SearchMisses misses) {
        this.misses = misses;
    }

    @QueryMapping
    List<SearchMisses.Miss> unmetSearches(@Argument LocalDate from, @Argument LocalDate to, @Argument String containing,
                                          @Argument SearchMisses.Cause cause, @Argument Integer first) {
        InsightAccess.require();
        Period p = Period.of(from, to);
        int n = first == null ? 10 : first;
        if (n < 1 || n > MAX_MISSES) {
            throw ApiException.badRequest("first", Message.of("insight.first.range", MAX_MISSES));
        }
        return misses.top(p.from(), p.to(), containing == null || containing.isBlank() ? null : containing, cause, n);
    }

    @QueryMapping
    List<SearchMisses.CauseCount> unmetSearchCauses(@Argument LocalDate from, @Argument LocalDate to) {
        InsightAccess.require();
        Period p = Period.of(from, to);
        return misses.byCause(p.from(), p.to());
    }

    /** The days counted: {@code to} defaults to today (Vietnam), {@code from} to 29 days before it. */
    private record Period(LocalDate from, LocalDate to) {

        static Period of(LocalDate from, LocalDate to) {
            LocalDate end = to == null ? LocalDate.now(SupplyDemandGaps.VIETNAM) : to;
            LocalDate start = from == null ? end.minusDays(29) : from;
            if (start.isAfter(end)) {
                throw ApiException.badRequest("from", Message.of("insight.period.reversed"));
            }
            return new Period(start, end);
        }
    }
}
