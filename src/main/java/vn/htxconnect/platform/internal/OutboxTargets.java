package vn.htxconnect.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.htxconnect.platform.OutboxHandler;

/**
 * Whether each outbox handler's target is reachable, as this instance last saw it. Every handler starts
 * unknown, so the first poll probes it and frees what an earlier run held; a handler whose
 * {@link OutboxHandler#handle handle} threw and whose probe failed is down until a probe succeeds. Times
 * are passed in (milliseconds) so the transitions are testable without waiting. Thread-safe: a second
 * dispatch pass may run beside the scheduled one.
 */
@Component
class OutboxTargets {

    /** What a probe or a failure changed. */
    enum Change {
        /** Was up or unknown, is down now: worth one line in the log. */
        WENT_DOWN,
        /** Was down and is still down. */
        STILL_DOWN,
        /** Was down, answers again: release its events and say so. */
        CAME_BACK,
        /** Was unknown (just started), answers: release what an earlier run held, quietly. */
        FOUND_UP,
        /** Was up and is up. */
        STILL_UP
    }

    private enum State { UNKNOWN, UP, DOWN }

    private record Status(State state, long since, long lastProbe, long lastTrial) {
    }

    private static final Status UNKNOWN = new Status(State.UNKNOWN, 0, Long.MIN_VALUE / 2, 0);

    private final Map<OutboxHandler, Status> statuses = new ConcurrentHashMap<>();

    private Status status(OutboxHandler handler) {
        return statuses.getOrDefault(handler, UNKNOWN);
    }

    /** Whether the handler is known to be down: its events wait instead of reaching it. */
    boolean isDown(OutboxHandler handler) {
        return status(handler).state() == State.DOWN;
    }

    /** Whether the handler should be probed now: it is down or unknown and its last probe is old enough. */
    boolean probeDue(OutboxHandler handler, long now, long intervalMillis) {
        Status s = status(handler);
        return s.state() != State.UP && now - s.lastProbe() >= intervalMillis;
    }

    /** Records a probe's answer (a probe after a failed {@code handle} included). */
    Change probed(OutboxHandler handler, boolean reachable, long now) {
        Change[] change = new Change[1];
        statuses.compute(handler, (h, old) -> {
            Status s = old == null ? UNKNOWN : old;
            if (reachable) {
                change[0] = switch (s.state()) {
                    case DOWN -> Change.CAME_BACK;
                    case UNKNOWN -> Change.FOUND_UP;
                    case UP -> Change.STILL_UP;
                };
                return new Status(State.UP, s.state() == State.UP ? s.since() : now, now, 0);
            }
            change[0] = s.state() == State.DOWN ? Change.STILL_DOWN : Change.WENT_DOWN;
            return s.state() == State.DOWN ? new Status(State.DOWN, s.since(), now, s.lastTrial())
                    : new Status(State.DOWN, now, now, now);
        });
        return change[0];
    }

    /**
     * Whether a down handler should get one real batch anyway, because it has been down for
     * {@code everyMillis} since it went down or since its last trial; claims the trial when so. A safety
     * net against a probe that wrongly keeps saying no: the handler's success then brings it back up.
     */
    boolean trialDue(OutboxHandler handler, long now, long everyMillis) {
        boolean[] due = new boolean[1];
        statuses.computeIfPresent(handler, (h, s) -> {
            if (s.state() == State.DOWN && now - s.lastTrial() >= everyMillis) {
                due[0] = true;
                return new Status(s.state(), s.since(), s.lastProbe(), now);
            }
            return s;
        });
        return due[0];
    }

    /** Forgets what is known, so the next poll probes the handler again (after a release could not be written). */
    void unknown(OutboxHandler handler, long now) {
        statuses.put(handler, new Status(State.UNKNOWN, now, now, 0));
    }

    /** Since when the handler has been in its current state (milliseconds; 0 when unknown). */
    long since(OutboxHandler handler) {
        return status(handler).since();
    }

    /** The handlers known to be down now. */
    List<OutboxHandler> down() {
        List<OutboxHandler> down = new ArrayList<>();
        statuses.forEach((h, s) -> {
            if (s.state() == State.DOWN) {
                down.add(h);
            }
        });
        return down;
    }
}
