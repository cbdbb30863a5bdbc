package vn.htxconnect.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Calendar quarters for report figures, labelled {@code 2026-Q3}. */
public final class Quarters {

    private Quarters() {
    }

    /** The first day of the quarter {@code day} falls in. */
    public static LocalDate startOf(LocalDate day) {
        return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    /** The label of the quarter {@code day} falls in, e.g. {@code 2026-Q3}. */
    public static String label(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** The first days of the last {@code count} quarters up to the one {@code today} falls in, oldest first. */
    public static List<LocalDate> lastStarts(LocalDate today, int count) {
        LocalDate first = startOf(today).minusMonths(3L * (count - 1));
        List<LocalDate> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(first.plusMonths(3L * i));
        }
        return out;
    }
}
