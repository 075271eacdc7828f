package com.newsapi.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move instead of waiting: the time of a base clock (a fixed start, or the system
 * clock for the shared local API that other tests use as a running server) plus however far the
 * tests have moved it on. Safe to move from several threads.
 */
final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> movedOn = new AtomicReference<>(Duration.ZERO);

    MovableClock(Clock base) {
        this.base = base;
    }

    /** A clock that stands at {@code start} until a test moves it. */
    static MovableClock startingAt(Instant start) {
        return new MovableClock(Clock.fixed(start, ZoneOffset.UTC));
    }

    void advance(Duration by) {
        movedOn.accumulateAndGet(by, Duration::plus);
    }

    /** Moves on to {@code target} unless already past it: clients waiting out the same limit together move it once. */
    void advanceTo(Instant target) {
        movedOn.updateAndGet(moved -> {
            Duration needed = Duration.between(base.instant(), target);
            return needed.compareTo(moved) > 0 ? needed : moved;
        });
    }

    @Override
    public Instant instant() {
        return base.instant().plus(movedOn.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
